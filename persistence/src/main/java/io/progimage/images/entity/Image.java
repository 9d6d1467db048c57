package io.progimage.images.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One uploaded image. It starts {@code pending} (bulk) or is created {@code ready} (single
 * upload); a pending image ends {@code ready} or {@code failed} exactly once.
 */
@Entity
@Table(name = "images")
@NamedQuery(name = Image.OF_USER, query = "SELECT i FROM Image i WHERE i.userId = :userId ORDER BY i.createdAt DESC, i.id DESC")
@NamedQuery(name = Image.COUNT_OF_USER, query = "SELECT COUNT(i) FROM Image i WHERE i.userId = :userId")
@NamedQuery(name = Image.PENDING_FROM_SOURCE, query = "SELECT COUNT(i) FROM Image i WHERE i.sourceImageId = :id"
        + " AND i.status = io.progimage.images.entity.Image.Status.PENDING")
public class Image {

    public static final String OF_USER = "Image.ofUser";
    public static final String COUNT_OF_USER = "Image.countOfUser";
    /** Pending items that will read the original of image {@code :id} ({@code image_id} sources). */
    public static final String PENDING_FROM_SOURCE = "Image.pendingFromSource";

    public enum Status { PENDING, READY, FAILED }

    public enum SourceKind { FILE, REMOTE, IMAGE }

    /** The output formats a client may ask for; {@code auto} stores JPEG and WebP. */
    public static final List<String> FORMATS = List.of("jpeg", "webp", "png", "auto");

    /** The encodings a file can be stored in, and their file name extensions. */
    private static final Map<String, String> EXTENSIONS = Map.of("jpeg", ".jpg", "webp", ".webp", "png", ".png");

    private static final List<String> PREFIXES = List.of("", "thumb_", "mini_");

    @Id
    private String id;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false)
    private SourceKind sourceKind;

    @Column(name = "remote_url")
    private String remoteUrl;

    @Column(name = "source_image_id")
    private String sourceImageId;

    @Embedded
    private Processing processing;

    @Column(name = "source_format")
    private String sourceFormat;

    private Integer width;

    private Integer height;

    private Long bytes;

    @Column(name = "dominant_color")
    private String dominantColor;

    private String blurhash;

    /** The encodings stored, comma-separated, JPEG first for {@code auto}; null until ready. */
    @Column(name = "stored_formats")
    private String storedFormats;

    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "error_message")
    private String errorMessage;

    /** Processing attempts of a bulk item (single uploads are processed once, inside their request). */
    private int attempts;

    /** When the bulk reconciler last sent this item a new message; null: only its bulk's message, at creation. */
    @Column(name = "requeued_at")
    private Instant requeuedAt;

    /** The bulk this image is an item of ({@link Bulk}) and its place in that request; null for a single upload. */
    @Column(name = "bulk_id")
    private String bulkId;

    @Column(name = "bulk_position")
    private Integer bulkPosition;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Image() {
    }

    /** A new, pending image; {@code name} is the random base of its file names. */
    public Image(String userId, String name, SourceKind sourceKind, String remoteUrl, String sourceImageId,
                 Processing processing, Instant now) {
        if ((sourceKind == SourceKind.REMOTE) != (remoteUrl != null) || (sourceKind == SourceKind.IMAGE) != (sourceImageId != null)) {
            throw new IllegalArgumentException("the source kind and its reference disagree");
        }
        this.id = UUID.randomUUID().toString();
        this.userId = Objects.requireNonNull(userId);
        this.name = Objects.requireNonNull(name);
        this.sourceKind = sourceKind;
        this.remoteUrl = remoteUrl;
        this.sourceImageId = sourceImageId;
        this.processing = Objects.requireNonNull(processing);
        this.status = Status.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * @param formats the encodings stored: the one asked for, or for {@code auto} JPEG and, unless
     *                the image is too large for it, WebP
     */
    public void markReady(String sourceFormat, int width, int height, long bytes, String dominantColor, String blurhash,
                          List<String> formats, Instant now) {
        requirePending();
        if (!dominantColor.matches("#[0-9a-f]{6}") || blurhash.length() > 32) {
            throw new IllegalArgumentException("placeholders " + dominantColor + " / " + blurhash);
        }
        boolean auto = processing.format().equals("auto");
        if (auto ? !formats.get(0).equals("jpeg") || !List.of("jpeg", "webp").containsAll(formats)
                : !formats.equals(List.of(processing.format()))) {
            throw new IllegalArgumentException("stored formats " + formats + " for " + processing.format());
        }
        this.storedFormats = String.join(",", formats);
        this.status = Status.READY;
        this.sourceFormat = sourceFormat;
        this.width = width;
        this.height = height;
        this.bytes = bytes;
        this.dominantColor = dominantColor;
        this.blurhash = blurhash;
        this.updatedAt = now;
    }

    public void markFailed(String errorCode, String errorMessage, Instant now) {
        requirePending();
        this.status = Status.FAILED;
        this.errorCode = Objects.requireNonNull(errorCode);
        this.errorMessage = errorMessage.length() > 500 ? errorMessage.substring(0, 500) : errorMessage;
        this.updatedAt = now;
    }

    /** Counts one more processing attempt and returns how many there have been. */
    public int startAttempt() {
        requirePending();
        return ++attempts;
    }

    /** The reconciler sent the item a new message (its first one was lost or never delivered). */
    public void markRequeued(Instant now) {
        requirePending();
        this.requeuedAt = now;
    }

    /** Makes this new, pending image item {@code position} (from 0) of bulk {@code bulkId}: once. */
    public void joinBulk(String bulkId, int position) {
        requirePending();
        if (this.bulkId != null || position < 0) {
            throw new IllegalArgumentException("image " + id + " is already in a bulk, or position " + position + " is negative");
        }
        this.bulkId = Objects.requireNonNull(bulkId);
        this.bulkPosition = position;
    }

    /** The bulk this image is an item of; null for a single upload and for images made before bulks were kept. */
    public String bulkId() {
        return bulkId;
    }

    /** When the item's latest message was sent: at creation, or by the reconciler since. */
    public Instant lastQueuedAt() {
        return requeuedAt != null ? requeuedAt : createdAt;
    }

    public int attempts() {
        return attempts;
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new IllegalStateException("image " + id + " is already " + status);
        }
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public boolean isReady() {
        return status == Status.READY;
    }

    /** The public name of the processed image: {@code {name}.jpg}, {@code .webp}, {@code .png}, or bare for {@code auto}. */
    public String fileName() {
        return name + EXTENSIONS.getOrDefault(processing.format(), "");
    }

    public String thumbFileName() {
        return "thumb_" + fileName();
    }

    public String miniFileName() {
        return "mini_" + fileName();
    }

    /** The encodings stored (empty until ready). */
    public List<String> storedFormats() {
        return storedFormats == null ? List.of() : Arrays.asList(storedFormats.split(","));
    }

    /** The name a file of this image is stored under: {@code prefix} "", "thumb_" or "mini_", in {@code format}. */
    public String storedFileName(String prefix, String format) {
        return prefix + name + EXTENSIONS.get(format);
    }

    /**
     * The stored files that can answer public file name {@code fileName}, by encoding, JPEG first:
     * one for a fixed format; one per stored encoding for the bare names of an {@code auto} image
     * (the client's Accept header chooses, see {@link #isNegotiated}); and the one asked for by its
     * own extension ({@code .jpg} or {@code .webp}) of an {@code auto} image. Empty: no such file.
     */
    public Map<String, String> representations(String fileName) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String prefix : PREFIXES) {
            for (String format : storedFormats()) {
                String stored = storedFileName(prefix, format);
                if (fileName.equals(stored) || isNegotiated(fileName) && fileName.equals(prefix + fileName())) {
                    found.put(format, stored);
                }
            }
        }
        return found;
    }

    /** Whether {@code fileName} is one of the bare names of an {@code auto} image, whose content depends on Accept. */
    public boolean isNegotiated(String fileName) {
        return processing.format().equals("auto")
                && (fileName.equals(fileName()) || fileName.equals(thumbFileName()) || fileName.equals(miniFileName()));
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public Status status() {
        return status;
    }

    public SourceKind sourceKind() {
        return sourceKind;
    }

    public String remoteUrl() {
        return remoteUrl;
    }

    public String sourceImageId() {
        return sourceImageId;
    }

    public Processing processing() {
        return processing;
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }

    public Long bytes() {
        return bytes;
    }

    /** {@code #rrggbb}, or null (not ready, or made before placeholders existed). */
    public String dominantColor() {
        return dominantColor;
    }

    /** The BlurHash, or null like {@link #dominantColor()}. */
    public String blurhash() {
        return blurhash;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
