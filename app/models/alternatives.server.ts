// When a request is declined or expires, the party sees similar mediators who have free time soon:
// same dispute category, soonest free slot first, the one who said no left out.
import { getSearchService } from "../search.server";
import type { User } from "./auth.server";
import { getBooking } from "./bookings.server";
import { toHitView, type SearchHitView } from "./search.server";

export async function suggestAlternatives({
  user,
  id,
  now,
  limit = 5,
}: {
  user: User;
  id: number;
  now: number;
  limit?: number;
}): Promise<SearchHitView[]> {
  const booking = getBooking({ user, id, now });
  const result = await getSearchService().search({
    q: "",
    filters: { category: [booking.category], kind: ["senior-mediator", "expert", "lawyer"] },
    sort: "available",
    page: 1,
    perPage: limit + 1,
  });
  return result.hits
    .filter((h) => h.document.entityId !== booking.mediatorId && h.document.nextAvailableAt !== null)
    .slice(0, limit)
    .map((h) => toHitView(h.document, {}));
}
