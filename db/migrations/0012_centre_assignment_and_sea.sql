CREATE TABLE `case_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`mediator_id` integer,
	`committee_id` integer,
	`rule` text NOT NULL,
	`status` text DEFAULT 'asked' NOT NULL,
	`pick_rank` integer,
	`reason` text,
	`note` text,
	`decided_by_user_id` integer,
	`decided_at` integer NOT NULL,
	`respond_by` integer,
	`answered_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`committee_id`) REFERENCES `committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_assignments_case_idx` ON `case_assignments` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_assignments_mediator_idx` ON `case_assignments` (`mediator_id`,`decided_at`);--> statement-breakpoint
CREATE INDEX `case_assignments_status_idx` ON `case_assignments` (`status`,`respond_by`);--> statement-breakpoint
CREATE TABLE `category_settings` (
	`category_slug` text PRIMARY KEY NOT NULL,
	`auto_assign` integer DEFAULT false NOT NULL,
	`updated_by_user_id` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_slug`) REFERENCES `categories`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `mediator_ties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mediator_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`normalized` text NOT NULL,
	`note` text,
	`added_by_user_id` integer,
	`created_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mediator_ties_mediator_idx` ON `mediator_ties` (`mediator_id`);--> statement-breakpoint
CREATE INDEX `mediator_ties_normalized_idx` ON `mediator_ties` (`normalized`);--> statement-breakpoint
CREATE TABLE `recusals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`mediator_id` integer NOT NULL,
	`requested_by` text NOT NULL,
	`by_user_id` integer,
	`case_party_id` integer,
	`reason` text NOT NULL,
	`status` text DEFAULT 'requested' NOT NULL,
	`at` integer NOT NULL,
	`decided_by_user_id` integer,
	`decided_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_party_id`) REFERENCES `case_parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recusals_case_idx` ON `recusals` (`case_id`);--> statement-breakpoint
CREATE TABLE `sea_suspension_sessions` (
	`suspension_id` integer NOT NULL,
	`booking_id` integer NOT NULL,
	`crossing` text NOT NULL,
	`action` text DEFAULT 'flagged' NOT NULL,
	`offered_online_at` integer,
	`resolved_at` integer,
	`resolved_by_user_id` integer,
	PRIMARY KEY(`suspension_id`, `booking_id`),
	FOREIGN KEY (`suspension_id`) REFERENCES `sea_suspensions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sea_suspension_sessions_booking_idx` ON `sea_suspension_sessions` (`booking_id`);--> statement-breakpoint
CREATE TABLE `sea_suspensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`towns` text NOT NULL,
	`from_at` integer NOT NULL,
	`to_at` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by_user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`lifted_at` integer,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sea_suspensions_time_idx` ON `sea_suspensions` (`from_at`,`to_at`);--> statement-breakpoint
ALTER TABLE `mediators` ADD `capacity_open_cases` integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE `mediators` ADD `capacity_sessions_week` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `town_slug` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `general_window_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `pre_litigation_at` integer;