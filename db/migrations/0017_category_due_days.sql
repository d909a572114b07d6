ALTER TABLE `cases` ADD `death_compensation` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `category_settings` ADD `due_days` integer;