// Health check: 200 once the database answers and the search index is ready.
import { sql } from "drizzle-orm";
import { getDb } from "~/db.server";
import { getSearchService } from "~/search.server";

export async function loader() {
  getDb().get(sql`select 1`);
  await getSearchService().ready;
  return new Response("ok", { headers: { "Cache-Control": "no-store", "Content-Type": "text/plain" } });
}
