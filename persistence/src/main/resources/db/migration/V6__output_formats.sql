-- Output formats (issue 14): what the client asked for (jpeg, webp, png, or auto: JPEG and
-- WebP, served by the Accept header) and, once the image is ready, the encodings stored
-- (comma-separated; auto keeps only JPEG when the image is too large for WebP). Every image
-- made before this migration is JPEG.
ALTER TABLE images ADD COLUMN output_format VARCHAR(4) NOT NULL DEFAULT 'jpeg';
ALTER TABLE images ADD COLUMN stored_formats VARCHAR(20) NULL;
UPDATE images SET stored_formats = 'jpeg' WHERE status = 'READY';
