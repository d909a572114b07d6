-- The booking guarantee, in the database itself: no mediator and no room is ever in two overlapping
-- bookings that hold time (pending or confirmed). The models check first and answer 409 politely;
-- these triggers make a forgotten check or a racing process fail instead of double-booking.
CREATE TRIGGER bookings_no_overlap_insert BEFORE INSERT ON bookings
WHEN NEW.status IN ('pending', 'confirmed')
BEGIN
  SELECT RAISE(ABORT, 'slot_taken') WHERE EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.mediator_id = NEW.mediator_id AND b.status IN ('pending', 'confirmed')
      AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at);
  SELECT RAISE(ABORT, 'slot_taken') WHERE NEW.room_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.room_id = NEW.room_id AND b.status IN ('pending', 'confirmed')
      AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at);
END;
--> statement-breakpoint
CREATE TRIGGER bookings_no_overlap_update BEFORE UPDATE OF status, start_at, end_at, mediator_id, room_id ON bookings
WHEN NEW.status IN ('pending', 'confirmed')
BEGIN
  SELECT RAISE(ABORT, 'slot_taken') WHERE EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.id <> NEW.id AND b.mediator_id = NEW.mediator_id AND b.status IN ('pending', 'confirmed')
      AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at);
  SELECT RAISE(ABORT, 'slot_taken') WHERE NEW.room_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.id <> NEW.id AND b.room_id = NEW.room_id AND b.status IN ('pending', 'confirmed')
      AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at);
END;
