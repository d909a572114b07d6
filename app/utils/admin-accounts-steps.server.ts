// The admin accounts page's posts other than opening an account (app/routes/admin.accounts.tsx): the
// issue-9 steps on an existing account and the claim invitations (each answers with what to show once),
// and the edit (issue 11: a redirect on success, the refusals on the form's fields). HTTP only: each
// parses its form and calls one model function.
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";
import { facetLabel } from "../../domain";
import { messages } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { issueMessage } from "~/i18n/validation";
import { issueAllClaims, issueClaim, parseContact, type IssuedClaim } from "~/models/account-claim.server";
import {
  changeRole,
  deactivateAccount,
  editAccount,
  editAccountSchema,
  LastAdminError,
  reactivateAccount,
} from "~/models/accounts-admin.server";
import { EmailTakenError, MediatorLinkedError, type User } from "~/models/auth.server";
import { iso } from "~/models/booking-view";
import { isDomainError } from "~/models/errors";
import { setStaffTown, staffTownSchema } from "~/models/town-staff.server";
import { idOr404 } from "~/utils/api.server";
import { parseForm, text } from "~/utils/forms.server";

type Outcome = {
  notice?: string;
  refusal?: string;
  issued?: (IssuedClaim & { expires: string })[];
  contactError?: { mediatorId: number; message: string };
};

/** The steps on existing accounts and the invitations: each answers with what to show once. */
export async function accountStep(request: Request, by: User, intent: string, formData: FormData) {
  const t = messages[getLocale(request)];
  const now = Date.now();
  const answer = (o: Outcome, status = 200) => data({ step: o }, { status });
  const shown = (list: IssuedClaim[]) => list.map((c) => ({ ...c, expires: iso(c.expiresAt) }));
  const linkBase = new URL(request.url).origin;
  try {
    if (intent === "invite-all") return answer({ issued: shown(await issueAllClaims({ by, now, linkBase })) });
    const id = idOr404(String(formData.get(intent === "invite" ? "mediatorId" : "userId") ?? ""));
    if (intent === "invite") {
      const contact = parseContact(text(formData.get("contact")));
      if (contact === null) return answer({ contactError: { mediatorId: id, message: t.accountAdmin.contactInvalid } }, 400);
      return answer({ issued: shown([await issueClaim({ by, mediatorId: id, contact, now, linkBase, locale: getLocale(request) })]) });
    }
    const name = String(formData.get("name") ?? "");
    if (intent === "deactivate") {
      const { revoked } = await deactivateAccount({ by, userId: id, now });
      return answer({ notice: t.accountAdmin.deactivated_notice(name, revoked) });
    }
    if (intent === "reactivate") {
      await reactivateAccount({ by, userId: id, now });
      return answer({ notice: t.accountAdmin.reactivated_notice(name) });
    }
    if (intent === "town") {
      const town = staffTownSchema.safeParse(String(formData.get("town") ?? ""));
      if (!town.success) throw new Response("Unknown town", { status: 400 });
      // Only a staff account has a town: anything else is refused in its own words.
      const refused = await setStaffTown({ by, userId: id, town: town.data, now }).catch((e) =>
        isDomainError(e, "illegal_transition") ? e : Promise.reject(e),
      );
      if (refused) return answer({ refusal: t.townStaff.refused }, 409);
      return answer({ notice: t.townStaff.notice(name, town.data ? facetLabel("town", town.data, getLocale(request)) : t.townStaff.none) });
    }
    if (intent === "role") {
      await changeRole({ by, userId: id, role: formData.get("role") === "admin" ? "admin" : "staff", now });
      return answer({ notice: t.accountAdmin.role_notice(name) });
    }
  } catch (error) {
    if (error instanceof LastAdminError) return answer({ refusal: t.accountAdmin.lastAdmin }, 409);
    if (error instanceof MediatorLinkedError) return answer({ refusal: t.claim.alreadyClaimed }, 409);
    if (isDomainError(error, "not_found")) throw new Response(null, { status: 404 });
    if (isDomainError(error, "illegal_transition")) return answer({ refusal: t.accountAdmin.changedMeanwhile }, 409);
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
}

/** Edits an account; success redirects (the notice names it), a refusal comes back on the form's fields. */
export async function editStep(request: Request, by: User, formData: FormData) {
  const locale = getLocale(request);
  const t = messages[locale];
  const userId = idOr404(String(formData.get("userId") ?? ""));
  const submission = parseForm(formData, {
    schema: editAccountSchema,
    locale,
    input: (p) => ({
      name: p.name ?? "",
      email: p.email ?? "",
      phone: p.phone ?? "",
      role: p.role,
      mediatorId: p.role === "mediator" ? text(p.mediatorId) : undefined,
    }),
  });
  const answer = (result: SubmissionResult<string[]>, status: number) => data({ edit: { userId, result } }, { status });
  if (submission.status !== "success") return answer(submission.reply(), 400);
  const onField = (field: string, message: string, status: number) =>
    answer(submission.reply({ fieldErrors: { [field]: [message] } }), status);
  try {
    const { changed } = await editAccount({ by, userId, input: submission.value, now: Date.now() });
    return redirect(`/admin/accounts?${changed.length ? "edited" : "unchanged"}=${userId}`);
  } catch (error) {
    if (error instanceof EmailTakenError) return onField("email", t.auth.emailTaken, 409);
    if (error instanceof MediatorLinkedError) return onField("mediatorId", t.claim.alreadyClaimed, 409);
    if (error instanceof LastAdminError) return answer(submission.reply({ formErrors: [t.accountAdmin.lastAdmin] }), 409);
    if (isDomainError(error, "invalid_input"))
      return onField("mediatorId", issueMessage({ code: "custom", message: error.message }, locale), 422);
    if (isDomainError(error, "illegal_transition")) return answer(submission.reply({ formErrors: [t.accountAdmin.changedMeanwhile] }), 409);
    if (isDomainError(error, "not_found")) throw new Response(null, { status: 404 });
    throw error;
  }
}
