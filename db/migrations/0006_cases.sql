CREATE TABLE `agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`facts` text NOT NULL,
	`responsibility` text DEFAULT '' NOT NULL,
	`amount_fen` integer,
	`made_at` integer NOT NULL,
	`effective_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_case_id_unique` ON `agreements` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_choices` (
	`case_id` integer NOT NULL,
	`list` text NOT NULL,
	`mediator_id` integer NOT NULL,
	`rank` integer NOT NULL,
	PRIMARY KEY(`case_id`, `list`, `mediator_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`actor` text NOT NULL,
	`event` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_id`,`id`);--> statement-breakpoint
CREATE TABLE `case_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`side` text NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`user_id` integer,
	`invite_code_hash` text,
	`invited_at` integer,
	`informed_at` integer,
	`consent` text,
	`consent_at` integer,
	`consent_recorded_by` integer,
	`agreement_ack_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_parties_case_idx` ON `case_parties` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_parties_user_idx` ON `case_parties` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `case_parties_code_idx` ON `case_parties` (`invite_code_hash`);--> statement-breakpoint
CREATE TABLE `instalments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`obligation_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`due_on` text NOT NULL,
	`amount_fen` integer,
	`result` text,
	`result_at` integer,
	`reminded_at` integer,
	FOREIGN KEY (`obligation_id`) REFERENCES `obligations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `instalments_obligation_idx` ON `instalments` (`obligation_id`);--> statement-breakpoint
CREATE INDEX `instalments_due_idx` ON `instalments` (`due_on`);--> statement-breakpoint
CREATE TABLE `judicial_confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`court` text NOT NULL,
	`applied_on` text NOT NULL,
	`reference` text,
	`decided_on` text,
	`result` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `judicial_confirmations_case_id_unique` ON `judicial_confirmations` (`case_id`);--> statement-breakpoint
CREATE TABLE `obligations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`obligor` text NOT NULL,
	`description` text NOT NULL,
	`amount_fen` integer,
	`method` text,
	`place` text,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `obligations_agreement_idx` ON `obligations` (`agreement_id`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`case_party_id` integer NOT NULL,
	`stars` integer NOT NULL,
	`comment` text,
	`at` integer NOT NULL,
	`hidden_at` integer,
	`hidden_reason` text,
	`hidden_by` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_party_id`) REFERENCES `case_parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hidden_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_case_party_id_unique` ON `ratings` (`case_party_id`);--> statement-breakpoint
CREATE INDEX `ratings_case_idx` ON `ratings` (`case_id`);--> statement-breakpoint
-- The cases table gains its columns in place: rebuilding it (drizzle-kit's way) would drop a table that
-- bookings reference. Columns with a foreign key are added with a NULL default, as SQLite requires.
ALTER TABLE `cases` ADD `number` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `number_year` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `number_seq` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `channel` text DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `town_slug` text REFERENCES towns(slug);--> statement-breakpoint
ALTER TABLE `cases` ADD `amount_fen` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `severity` text DEFAULT 'simple' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `mediator_id` integer REFERENCES mediators(id);--> statement-breakpoint
ALTER TABLE `cases` ADD `committee_id` integer REFERENCES committees(id);--> statement-breakpoint
ALTER TABLE `cases` ADD `due_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `mode` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `visits` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `outcome_note` text;--> statement-breakpoint
-- Cases made before: the states of the case replace open/closed; each gets its number, due date and
-- its parties (the account that filed it as applicant, the other side's name as respondent).
UPDATE `cases` SET `status` = 'submitted' WHERE `status` = 'open';--> statement-breakpoint
UPDATE `cases` SET `number_year` = CAST(strftime('%Y', `created_at` / 1000 + 8 * 3600, 'unixepoch') AS integer);--> statement-breakpoint
UPDATE `cases` SET `number_seq` = (SELECT count(*) FROM `cases` c WHERE c.`number_year` = `cases`.`number_year` AND c.`id` <= `cases`.`id`);--> statement-breakpoint
UPDATE `cases` SET `number` = '普调〔' || `number_year` || '〕' || printf('%05d', `number_seq`) || '号';--> statement-breakpoint
UPDATE `cases` SET `due_at` = `created_at` + 30 * 86400000;--> statement-breakpoint
UPDATE `cases` SET `mediator_id` = (SELECT b.`mediator_id` FROM `bookings` b WHERE b.`case_id` = `cases`.`id` ORDER BY b.`id` DESC LIMIT 1);--> statement-breakpoint
INSERT INTO `case_parties` (`case_id`, `side`, `name`, `phone`, `user_id`)
  SELECT c.`id`, 'applicant', u.`name`, u.`phone`, u.`id` FROM `cases` c JOIN `users` u ON u.`id` = c.`party_user_id`;--> statement-breakpoint
INSERT INTO `case_parties` (`case_id`, `side`, `name`)
  SELECT `id`, 'respondent', `counterparty_name` FROM `cases` WHERE `counterparty_name` IS NOT NULL AND `counterparty_name` <> '';--> statement-breakpoint
CREATE UNIQUE INDEX `cases_number_idx` ON `cases` (`number_year`,`number_seq`);--> statement-breakpoint
CREATE INDEX `cases_mediator_idx` ON `cases` (`mediator_id`,`closed_at`);--> statement-breakpoint
CREATE INDEX `cases_closed_idx` ON `cases` (`closed_at`);
