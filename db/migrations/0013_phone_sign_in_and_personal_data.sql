CREATE TABLE `otp_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`phone` text NOT NULL,
	`purpose` text NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE INDEX `otp_codes_phone_idx` ON `otp_codes` (`phone`,`purpose`,`id`);--> statement-breakpoint
CREATE TABLE `password_resets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `password_resets_token_idx` ON `password_resets` (`token_hash`);--> statement-breakpoint
CREATE INDEX `password_resets_user_idx` ON `password_resets` (`user_id`);--> statement-breakpoint
-- Hand-edited after drizzle-kit generate (ADR 024). drizzle runs every migration in one transaction
-- with foreign keys on, where PRAGMA foreign_keys is a no-op. Rebuilding `users` (email and
-- password_hash become nullable) therefore cannot go through a renamed `__new_users`: DROP TABLE does an
-- implicit DELETE whose ON DELETE CASCADE wipes every session, and whose orphaned children (bookings,
-- cases…) stay counted as violations unless their parents are inserted *into `users` itself*. So the
-- checks are deferred to the commit, the rows and sessions are copied aside, and `users` is recreated
-- under its own name and refilled (which settles the deferred count), then the sessions come back.
PRAGMA defer_foreign_keys=ON;--> statement-breakpoint
CREATE TEMP TABLE `_0013_sessions` AS SELECT * FROM `sessions`;--> statement-breakpoint
CREATE TEMP TABLE `_0013_users` AS SELECT * FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text,
	`password_hash` text,
	`name` text NOT NULL,
	`phone` text,
	`login_phone` text,
	`consent_version` text,
	`consent_at` integer,
	`anonymised_at` integer,
	`role` text NOT NULL,
	`mediator_id` integer,
	`disabled_at` integer,
	`locale` text DEFAULT 'zh' NOT NULL,
	`town_slug` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `users`("id", "email", "password_hash", "name", "phone", "login_phone", "consent_version", "consent_at", "anonymised_at", "role", "mediator_id", "disabled_at", "locale", "town_slug", "created_at", "updated_at") SELECT "id", "email", "password_hash", "name", "phone", NULL, NULL, NULL, NULL, "role", "mediator_id", "disabled_at", "locale", "town_slug", "created_at", "updated_at" FROM `_0013_users`;--> statement-breakpoint
INSERT INTO `sessions` SELECT * FROM `_0013_sessions` WHERE `id` NOT IN (SELECT `id` FROM `sessions`);--> statement-breakpoint
DROP TABLE `_0013_sessions`;--> statement-breakpoint
DROP TABLE `_0013_users`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_idx` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_mediator_idx` ON `users` (`mediator_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_phone_idx` ON `users` (`login_phone`);--> statement-breakpoint
-- The sign-in number of existing accounts: their phone, normalised as domain/phone.ts does, where it is
-- a mainland mobile number that no other account gave (a shared number signs in to nobody's account).
CREATE TEMP TABLE `_0013_phones` AS SELECT `id`, CASE
    WHEN `s` LIKE '+86%' THEN substr(`s`, 4)
    WHEN `s` LIKE '0086%' THEN substr(`s`, 5)
    WHEN length(`s`) = 13 AND `s` LIKE '86%' THEN substr(`s`, 3)
    ELSE `s` END AS `n`
  FROM (SELECT `id`, replace(replace(replace(replace(replace(`phone`, ' ', ''), '-', ''), '(', ''), ')', ''), '.', '') AS `s`
        FROM `users` WHERE `phone` IS NOT NULL);--> statement-breakpoint
UPDATE `users` SET `login_phone` = (SELECT `n` FROM `_0013_phones` p WHERE p.`id` = `users`.`id`)
  WHERE `id` IN (SELECT `id` FROM `_0013_phones`
    WHERE `n` GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
      AND `n` IN (SELECT `n` FROM `_0013_phones` GROUP BY `n` HAVING count(*) = 1));--> statement-breakpoint
DROP TABLE `_0013_phones`;
