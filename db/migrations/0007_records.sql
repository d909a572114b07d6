CREATE TABLE `records` (
	`subject` text NOT NULL,
	`subject_id` integer NOT NULL,
	`category` text NOT NULL,
	`severity` text NOT NULL,
	`month` text NOT NULL,
	`closed` integer DEFAULT 0 NOT NULL,
	`mediated` integer DEFAULT 0 NOT NULL,
	`agreements` integer DEFAULT 0 NOT NULL,
	`fulfilled` integer DEFAULT 0 NOT NULL,
	`fulfilment_decided` integer DEFAULT 0 NOT NULL,
	`judicial_confirmations` integer DEFAULT 0 NOT NULL,
	`ratings` integer DEFAULT 0 NOT NULL,
	`stars_sum` integer DEFAULT 0 NOT NULL,
	`ms_to_close_sum` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`subject`, `subject_id`, `category`, `severity`, `month`)
);
--> statement-breakpoint
ALTER TABLE `mediators` DROP COLUMN `closed_cases`;--> statement-breakpoint
ALTER TABLE `mediators` DROP COLUMN `agreements`;