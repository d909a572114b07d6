-- The overlap triggers of 0002 scanned every earlier booking of the mediator (an open range on
-- start_at). Sessions last at most 8 hours (availability rules cap them at 480 minutes), so a booking
-- that overlaps the new one starts less than a day before it: bounding the range keeps each check to
-- a few index entries however long a mediator's history grows.
DROP TRIGGER IF EXISTS bookings_no_overlap_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS bookings_no_overlap_update;
--> statement-breakpoint
CREATE TRIGGER bookings_no_overlap_insert BEFORE INSERT ON bookings
WHEN NEW.status IN ('pending', 'confirmed')
BEGIN
  SELECT RAISE(ABORT, 'slot_taken') WHERE EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.mediator_id = NEW.mediator_id AND b.status IN ('pending', 'confirmed')
      AND b.start_at > NEW.start_at - 86400000 AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at);
  SELECT RAISE(ABORT, 'slot_taken') WHERE NEW.room_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.room_id = NEW.room_id AND b.status IN ('pending', 'confirmed')
      AND b.start_at > NEW.start_at - 86400000 AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at);
END;
--> statement-breakpoint
CREATE TRIGGER bookings_no_overlap_update BEFORE UPDATE OF status, start_at, end_at, mediator_id, room_id ON bookings
WHEN NEW.status IN ('pending', 'confirmed')
BEGIN
  SELECT RAISE(ABORT, 'slot_taken') WHERE EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.id <> NEW.id AND b.mediator_id = NEW.mediator_id AND b.status IN ('pending', 'confirmed')
      AND b.start_at > NEW.start_at - 86400000 AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at);
  SELECT RAISE(ABORT, 'slot_taken') WHERE NEW.room_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.id <> NEW.id AND b.room_id = NEW.room_id AND b.status IN ('pending', 'confirmed')
      AND b.start_at > NEW.start_at - 86400000 AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at);
END;
