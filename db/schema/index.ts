// The schema (drizzle), a module per area; snake_case columns. Migrations are generated from these
// files into db/migrations by `npm run db:generate` and committed. The vocabulary (kinds, modes,
// statuses…) comes from domain/index.ts, never spelled here.
export * from "./pool";
export * from "./search";
export * from "./accounts";
export * from "./availability";
export * from "./cases";
export * from "./bookings";
export * from "./records";
export * from "./assignment";
export * from "./sea";
export * from "./journey";
export * from "./panels";
