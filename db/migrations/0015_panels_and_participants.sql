CREATE TABLE `booking_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`booking_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`confirmed_at` integer,
	`declined_at` integer,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `booking_participants_person_time_idx` ON `booking_participants` (`person_id`,`start_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `booking_participants_booking_person_idx` ON `booking_participants` (`booking_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `panel_members` (
	`panel_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`category_slug` text,
	`position` integer NOT NULL,
	`status` text DEFAULT 'invited' NOT NULL,
	`responded_at` integer,
	`responded_by_user_id` integer,
	FOREIGN KEY (`panel_id`) REFERENCES `panels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_slug`) REFERENCES `categories`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `panel_members_seat_idx` ON `panel_members` (`panel_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `panel_members_person_idx` ON `panel_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `panel_roles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`category_slug` text,
	FOREIGN KEY (`person_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_slug`) REFERENCES `categories`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `panel_roles_role_idx` ON `panel_roles` (`role`,`category_slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `panel_roles_person_role_idx` ON `panel_roles` (`person_id`,`role`,`category_slug`);--> statement-breakpoint
CREATE TABLE `panels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`booking_id` integer NOT NULL,
	`room_id` integer NOT NULL,
	`status` text DEFAULT 'booked' NOT NULL,
	`created_by_user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`minutes_entries` text,
	`plan` text,
	`dissent` text,
	`outcome` text,
	`minutes_by_user_id` integer,
	`minutes_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`minutes_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `panels_case_idx` ON `panels` (`case_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `panels_booking_idx` ON `panels` (`booking_id`);--> statement-breakpoint
ALTER TABLE `mediators` ADD `listed` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- Bookings get participants (ADR 027): the no-double-booking guarantee moves from "one mediator per
-- booking" to "no participant and no room in two overlapping active bookings". Every booking already
-- made holds its mediator's time: backfill a participant row for each (active while it holds time).
INSERT INTO booking_participants (booking_id, person_id, role, start_at, end_at, active)
SELECT id, mediator_id, 'mediator', start_at, end_at, status IN ('pending', 'confirmed') FROM bookings;
--> statement-breakpoint
-- The triggers of 0003 checked the mediator and the room on the booking row. The person checks move to
-- the participants (below); the booking keeps the room check, bounded the same way.
DROP TRIGGER IF EXISTS bookings_no_overlap_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS bookings_no_overlap_update;
--> statement-breakpoint
CREATE TRIGGER bookings_no_overlap_insert BEFORE INSERT ON bookings
WHEN NEW.status IN ('pending', 'confirmed') AND NEW.room_id IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'slot_taken') WHERE EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.room_id = NEW.room_id AND b.status IN ('pending', 'confirmed')
      AND b.start_at > NEW.start_at - 86400000 AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at);
END;
--> statement-breakpoint
CREATE TRIGGER bookings_no_overlap_update BEFORE UPDATE OF status, start_at, end_at, room_id ON bookings
WHEN NEW.status IN ('pending', 'confirmed') AND NEW.room_id IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'slot_taken') WHERE EXISTS (
    SELECT 1 FROM bookings b
    WHERE b.id <> NEW.id AND b.room_id = NEW.room_id AND b.status IN ('pending', 'confirmed')
      AND b.start_at > NEW.start_at - 86400000 AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at);
END;
--> statement-breakpoint
-- A single booking needs no code of its own: its mediator becomes its participant as it is inserted,
-- and follows it (time, status, a changed mediator). A declined panel seat stays released.
CREATE TRIGGER bookings_participant_insert AFTER INSERT ON bookings
BEGIN
  INSERT INTO booking_participants (booking_id, person_id, role, start_at, end_at, active)
  VALUES (NEW.id, NEW.mediator_id, 'mediator', NEW.start_at, NEW.end_at, NEW.status IN ('pending', 'confirmed'));
END;
--> statement-breakpoint
CREATE TRIGGER bookings_participant_update AFTER UPDATE OF status, start_at, end_at, mediator_id ON bookings
BEGIN
  -- One statement, so a row's new person is checked against its new time, never a mix of old and new.
  UPDATE booking_participants
  SET person_id = CASE WHEN role = 'mediator' THEN NEW.mediator_id ELSE person_id END,
      start_at = NEW.start_at,
      end_at = NEW.end_at,
      active = (NEW.status IN ('pending', 'confirmed') AND declined_at IS NULL)
  WHERE booking_id = NEW.id;
END;
--> statement-breakpoint
-- No person in two overlapping active bookings. Sessions and panels last at most 8 hours, so an
-- overlapping row starts less than a day before (bounded range, as 0003).
CREATE TRIGGER booking_participants_no_overlap_insert BEFORE INSERT ON booking_participants
WHEN NEW.active = 1
BEGIN
  SELECT RAISE(ABORT, 'slot_taken') WHERE EXISTS (
    SELECT 1 FROM booking_participants p
    WHERE p.person_id = NEW.person_id AND p.active = 1 AND p.booking_id <> NEW.booking_id
      AND p.start_at > NEW.start_at - 86400000 AND p.start_at < NEW.end_at AND p.end_at > NEW.start_at);
END;
--> statement-breakpoint
-- Re-checked only when a row starts holding time again or its person or time changes: a confirmed
-- request holds the same time it held while pending.
CREATE TRIGGER booking_participants_no_overlap_update BEFORE UPDATE OF person_id, start_at, end_at, active ON booking_participants
WHEN NEW.active = 1 AND (OLD.active = 0 OR NEW.person_id <> OLD.person_id OR NEW.start_at <> OLD.start_at OR NEW.end_at <> OLD.end_at)
BEGIN
  SELECT RAISE(ABORT, 'slot_taken') WHERE EXISTS (
    SELECT 1 FROM booking_participants p
    WHERE p.id <> NEW.id AND p.person_id = NEW.person_id AND p.active = 1 AND p.booking_id <> NEW.booking_id
      AND p.start_at > NEW.start_at - 86400000 AND p.start_at < NEW.end_at AND p.end_at > NEW.start_at);
END;
