package io.progimage.images.api;

/**
 * The example of {@code GET /user/bulks/{id}} in the OpenAPI document: a bulk of one image whose
 * webhook was answered 500, then 204 (as {@code WebhookIT} makes it happen). Redocly checks it
 * against its schema (OpenApiIT). No field in it is null: the scan drops JSON nulls from examples.
 */
final class BulkExamples {

    private BulkExamples() {
    }

    private static final String IMAGE = "{\"id\": \"6a1d3c52-93f4-4a57-b1c0-2f7e8d9a4b63\","
            + " \"created_at\": \"2026-12-01T14:03:07.651Z\", \"updated_at\": \"2026-12-01T14:03:08.904Z\", \"status\": \"ready\","
            + " \"url\": \"http://127.0.0.1:8080/uploads/image/file/6a1d3c52-93f4-4a57-b1c0-2f7e8d9a4b63/Vq3XbN8sLk2Rm5Tz7Wc1Pa.jpg\","
            + " \"secure_url\": \"https://127.0.0.1:8181/uploads/image/file/6a1d3c52-93f4-4a57-b1c0-2f7e8d9a4b63/Vq3XbN8sLk2Rm5Tz7Wc1Pa.jpg\","
            + " \"thumbnail_url\": \"http://127.0.0.1:8080/uploads/image/file/6a1d3c52-93f4-4a57-b1c0-2f7e8d9a4b63/thumb_Vq3XbN8sLk2Rm5Tz7Wc1Pa.jpg\","
            + " \"secure_thumbnail_url\": \"https://127.0.0.1:8181/uploads/image/file/6a1d3c52-93f4-4a57-b1c0-2f7e8d9a4b63/thumb_Vq3XbN8sLk2Rm5Tz7Wc1Pa.jpg\","
            + " \"mini_url\": \"http://127.0.0.1:8080/uploads/image/file/6a1d3c52-93f4-4a57-b1c0-2f7e8d9a4b63/mini_Vq3XbN8sLk2Rm5Tz7Wc1Pa.jpg\","
            + " \"secure_mini_url\": \"https://127.0.0.1:8181/uploads/image/file/6a1d3c52-93f4-4a57-b1c0-2f7e8d9a4b63/mini_Vq3XbN8sLk2Rm5Tz7Wc1Pa.jpg\","
            + " \"width\": 400, \"height\": 301, \"bytes\": 14700, \"dominant_color\": \"#ffffff\","
            + " \"blurhash\": \"LpP?5WMI.StR$*s9M_XS?w%gRikC\", \"format\": \"jpeg\", \"formats\": [\"jpeg\"]}";

    static final String BULK = "{\"data\": {\"bulk_id\": \"0b6f2f0e-8d3c-4b7a-9e21-5c4d3a2b1f00\","
            + " \"created_at\": \"2026-12-01T14:03:07.651Z\", \"settled_at\": \"2026-12-01T14:03:08.921Z\","
            + " \"callback_url\": \"https://frame.example.org/hooks/progimage\","
            + " \"counts\": {\"total\": 1, \"pending\": 0, \"ready\": 1, \"failed\": 0, \"deleted\": 0},"
            + " \"images\": [" + IMAGE + "],"
            + " \"webhook\": {\"status\": \"delivered\", \"delivery_id\": \"5d0c7a4e-1f2b-4c3d-8e9f-0a1b2c3d4e5f\", \"attempts\": ["
            + "{\"attempt\": 1, \"started_at\": \"2026-12-01T14:03:08.940Z\", \"duration_ms\": 12, \"outcome\": \"failed\", \"http_status\": 500},"
            + " {\"attempt\": 2, \"started_at\": \"2026-12-01T14:03:39.002Z\", \"duration_ms\": 9, \"outcome\": \"delivered\", \"http_status\": 204}]}}}";
}
