CREATE TABLE `categories` (
	`slug` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `committee_categories` (
	`committee_id` integer NOT NULL,
	`category_slug` text NOT NULL,
	PRIMARY KEY(`committee_id`, `category_slug`),
	FOREIGN KEY (`committee_id`) REFERENCES `committees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_slug`) REFERENCES `categories`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `committee_members` (
	`committee_id` integer NOT NULL,
	`mediator_id` integer NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	PRIMARY KEY(`committee_id`, `mediator_id`),
	FOREIGN KEY (`committee_id`) REFERENCES `committees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `committee_members_mediator_idx` ON `committee_members` (`mediator_id`);--> statement-breakpoint
CREATE TABLE `committees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_pinyin` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`organisation` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `languages` (
	`slug` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mediator_categories` (
	`mediator_id` integer NOT NULL,
	`category_slug` text NOT NULL,
	PRIMARY KEY(`mediator_id`, `category_slug`),
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_slug`) REFERENCES `categories`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `mediator_languages` (
	`mediator_id` integer NOT NULL,
	`language_slug` text NOT NULL,
	PRIMARY KEY(`mediator_id`, `language_slug`),
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`language_slug`) REFERENCES `languages`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `mediator_modes` (
	`mediator_id` integer NOT NULL,
	`mode` text NOT NULL,
	PRIMARY KEY(`mediator_id`, `mode`),
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `mediator_towns` (
	`mediator_id` integer NOT NULL,
	`town_slug` text NOT NULL,
	PRIMARY KEY(`mediator_id`, `town_slug`),
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`town_slug`) REFERENCES `towns`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `mediators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`name_pinyin` text NOT NULL,
	`gender` text,
	`title` text NOT NULL,
	`organisation` text,
	`licence_no` text,
	`years_of_experience` integer DEFAULT 0 NOT NULL,
	`bio` text DEFAULT '' NOT NULL,
	`photo_url` text,
	`closed_cases` integer DEFAULT 0 NOT NULL,
	`agreements` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mediators_kind_idx` ON `mediators` (`kind`);--> statement-breakpoint
CREATE TABLE `search_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`meili_delivered_at` integer,
	`meili_attempts` integer DEFAULT 0 NOT NULL,
	`meili_next_attempt_at` integer,
	`meili_last_error` text
);
--> statement-breakpoint
CREATE INDEX `search_outbox_pending_idx` ON `search_outbox` (`meili_delivered_at`,`meili_next_attempt_at`);--> statement-breakpoint
CREATE TABLE `towns` (
	`slug` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`island` integer DEFAULT false NOT NULL
);
