CREATE TABLE `availability_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mediator_id` integer NOT NULL,
	`date` text NOT NULL,
	`unavailable` integer DEFAULT false NOT NULL,
	`start_minute` integer,
	`end_minute` integer,
	`modes` text,
	`towns` text,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `availability_overrides_mediator_idx` ON `availability_overrides` (`mediator_id`,`date`);--> statement-breakpoint
CREATE TABLE `availability_settings` (
	`mediator_id` integer PRIMARY KEY NOT NULL,
	`timezone` text DEFAULT 'Asia/Shanghai' NOT NULL,
	`session_minutes` integer DEFAULT 60 NOT NULL,
	`buffer_minutes` integer DEFAULT 15 NOT NULL,
	`min_notice_hours` integer DEFAULT 24 NOT NULL,
	`horizon_days` integer DEFAULT 60 NOT NULL,
	`daily_cap` integer DEFAULT 4 NOT NULL,
	`next_available_at` integer,
	`next_available_valid_until` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `availability_valid_until_idx` ON `availability_settings` (`next_available_valid_until`);--> statement-breakpoint
CREATE TABLE `availability_weekly` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mediator_id` integer NOT NULL,
	`weekday` integer NOT NULL,
	`start_minute` integer NOT NULL,
	`end_minute` integer NOT NULL,
	`modes` text NOT NULL,
	`towns` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `availability_weekly_mediator_idx` ON `availability_weekly` (`mediator_id`);--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`party_user_id` integer NOT NULL,
	`mediator_id` integer NOT NULL,
	`committee_id` integer,
	`room_id` integer,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`mode` text NOT NULL,
	`town_slug` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`assignment_reason` text DEFAULT 'picked' NOT NULL,
	`respond_by` integer NOT NULL,
	`idempotency_key` text,
	`decline_reason` text,
	`cancel_reason` text,
	`cancelled_by` text,
	`rescheduled_from_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`committee_id`) REFERENCES `committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_slug`) REFERENCES `towns`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bookings_mediator_time_idx` ON `bookings` (`mediator_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `bookings_room_time_idx` ON `bookings` (`room_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `bookings_party_idx` ON `bookings` (`party_user_id`);--> statement-breakpoint
CREATE INDEX `bookings_pending_idx` ON `bookings` (`status`,`respond_by`);--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_idempotency_idx` ON `bookings` (`party_user_id`,`idempotency_key`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`party_user_id` integer NOT NULL,
	`category_slug` text NOT NULL,
	`summary` text NOT NULL,
	`counterparty_name` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`party_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_slug`) REFERENCES `categories`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cases_party_idx` ON `cases` (`party_user_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`channel` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`booking_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`delivered_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_pending_idx` ON `notifications` (`delivered_at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`role` text NOT NULL,
	`mediator_id` integer,
	`disabled_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_idx` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_mediator_idx` ON `users` (`mediator_id`);