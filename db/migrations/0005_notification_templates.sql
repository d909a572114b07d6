PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`channel` text NOT NULL,
	`to_address` text NOT NULL,
	`template` text,
	`params` text,
	`locale` text DEFAULT 'zh' NOT NULL,
	`subject` text,
	`body` text,
	`booking_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`delivered_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`lease_until` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_notifications`("id", "user_id", "channel", "to_address", "template", "params", "locale", "subject", "body", "booking_id", "created_at", "delivered_at", "attempts", "last_error", "lease_until") SELECT "id", "user_id", "channel", "to_address", NULL, NULL, 'zh', "subject", "body", "booking_id", "created_at", "delivered_at", "attempts", "last_error", "lease_until" FROM `notifications`;--> statement-breakpoint
DROP TABLE `notifications`;--> statement-breakpoint
ALTER TABLE `__new_notifications` RENAME TO `notifications`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `notifications_pending_idx` ON `notifications` (`delivered_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `locale` text DEFAULT 'zh' NOT NULL;