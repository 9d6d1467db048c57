package io.progimage.images.api;

/**
 * Examples for the OpenAPI document, taken from real answers of {@code server-config/run}
 * (the README tour, 2026-12-01; the ids and names are that run's). Redocly checks each against its
 * schema (OpenApiIT), so an example cannot drift from the shape. There is none of a pending image:
 * the scan drops JSON nulls from examples, and a pending image's sizes are null.
 */
final class ImageExamples {

    private ImageExamples() {
    }

    static final String UPLOADED = "{\"data\": {\"id\": \"d776fc4c-2a77-4817-8171-89cd626a735f\","
            + " \"user_id\": \"82852b8e-def6-41ef-96a2-ca74e2c43d98\","
            + " \"file\": {\"url\": \"/uploads/image/file/d776fc4c-2a77-4817-8171-89cd626a735f/3NQbiySIpyRlMTvcf81alT.jpg\","
            + " \"mini\": {\"url\": \"/uploads/image/file/d776fc4c-2a77-4817-8171-89cd626a735f/mini_3NQbiySIpyRlMTvcf81alT.jpg\"},"
            + " \"thumb\": {\"url\": \"/uploads/image/file/d776fc4c-2a77-4817-8171-89cd626a735f/thumb_3NQbiySIpyRlMTvcf81alT.jpg\"}},"
            + " \"created_at\": \"2026-12-01T14:27:03.541Z\", \"updated_at\": \"2026-12-01T14:27:03.582Z\", \"status\": \"ready\","
            + " \"width\": 400, \"height\": 301, \"bytes\": 14700, \"dominant_color\": \"#ffffff\","
            + " \"blurhash\": \"LpP?5WMI.StR$*s9M_XS?w%gRikC\", \"format\": \"jpeg\", \"formats\": [\"jpeg\"]}}";

    private static final String READY = "{\"id\": \"d776fc4c-2a77-4817-8171-89cd626a735f\","
            + " \"created_at\": \"2026-12-01T14:27:03.541Z\", \"updated_at\": \"2026-12-01T14:27:03.582Z\", \"status\": \"ready\","
            + " \"url\": \"http://127.0.0.1:8080/uploads/image/file/d776fc4c-2a77-4817-8171-89cd626a735f/3NQbiySIpyRlMTvcf81alT.jpg\","
            + " \"secure_url\": \"https://127.0.0.1:8181/uploads/image/file/d776fc4c-2a77-4817-8171-89cd626a735f/3NQbiySIpyRlMTvcf81alT.jpg\","
            + " \"thumbnail_url\": \"http://127.0.0.1:8080/uploads/image/file/d776fc4c-2a77-4817-8171-89cd626a735f/thumb_3NQbiySIpyRlMTvcf81alT.jpg\","
            + " \"secure_thumbnail_url\": \"https://127.0.0.1:8181/uploads/image/file/d776fc4c-2a77-4817-8171-89cd626a735f/thumb_3NQbiySIpyRlMTvcf81alT.jpg\","
            + " \"mini_url\": \"http://127.0.0.1:8080/uploads/image/file/d776fc4c-2a77-4817-8171-89cd626a735f/mini_3NQbiySIpyRlMTvcf81alT.jpg\","
            + " \"secure_mini_url\": \"https://127.0.0.1:8181/uploads/image/file/d776fc4c-2a77-4817-8171-89cd626a735f/mini_3NQbiySIpyRlMTvcf81alT.jpg\","
            + " \"width\": 400, \"height\": 301, \"bytes\": 14700, \"dominant_color\": \"#ffffff\","
            + " \"blurhash\": \"LpP?5WMI.StR$*s9M_XS?w%gRikC\", \"format\": \"jpeg\", \"formats\": [\"jpeg\"]}";

    static final String ONE = "{\"data\": " + READY + "}";

    static final String PAGE = "{\"data\": [" + READY + "], \"meta\": {\"offset\": 0, \"limit\": 10, \"total\": 1}}";

    static final String INVALID = "{\"error\": {\"code\": \"invalid_request\", \"message\": \"process[1].quality must be between"
            + " 0 and 100\", \"details\": [{\"field\": \"process[1].quality\", \"message\": \"must be between 0 and 100\"}]}}";
}
