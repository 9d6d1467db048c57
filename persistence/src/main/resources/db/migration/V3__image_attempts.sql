-- How many times a bulk item's processing was started: the give-up rule (after the fifth
-- failed attempt the item ends failed) must not depend on a broker's JMSXDeliveryCount, which
-- OpenMQ does not raise for its own in-endpoint redeliveries.
ALTER TABLE images ADD COLUMN attempts INT NOT NULL DEFAULT 0;
