-- Placeholders of a ready image (issue 14), drawn from its mini: '#rrggbb' and a 4x3 BlurHash
-- (4 + 2 * 11 = 28 characters). NULL for pending and failed images, and for images made
-- before this migration (the API leaves the fields out for them).
ALTER TABLE images ADD COLUMN dominant_color CHAR(7) NULL;
ALTER TABLE images ADD COLUMN blurhash VARCHAR(32) NULL;
