// /staff/cases/:id/consent: staff record a party's answer given in person at the window or by phone:
// whose answer (`side`), that they were told what people's mediation is (`informed`), and the answer:
// accept the applicant's pick, a ranking of the shortlist (a number select per mediator), or a refusal.
// The model checks the case may take it and logs who recorded it. (The file name's `cases_` keeps this
// page out of the queue's layout.)
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, FieldErrors, Notice, SubmitButton } from "~/components/forms";
import { errorsOf, rankingOf, typedValue, type Reply } from "~/components/invitation-fields";
import { CsrfInput } from "~/components/session";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { consentAsUser } from "~/models/case-consent.server";
import { consentSheet } from "~/models/case-queue.server";
import { consentSchema } from "~/models/case-schemas";
import { isDomainError } from "~/models/errors";
import { idOr404 } from "~/utils/api.server";
import { caseFormRefusal } from "~/utils/case-page.server";
import { parseForm } from "~/utils/forms.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["staff", "admin"]);
  const id = idOr404(params.id);
  try {
    return { sheet: consentSheet({ user, caseId: id }), done: new URL(request.url).searchParams.has("done") };
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response(null, { status: 404 });
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["staff", "admin"]);
  const id = idOr404(params.id);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  const locale = getLocale(request);
  const t = messages[locale];
  const answer = String(formData.get("answer") ?? "");
  const ticked = formData.get("informed") === "on";
  const extra: Record<string, string[]> = {};
  // Staff say each time that the party was told what mediation is.
  if (!ticked) extra.informed = [t.invitation.errors.informed];
  if (!["accept", "rank", "refuse"].includes(answer)) extra.answer = [t.staffConsent.errors.answer];
  const ranks = rankingOf(formData, t.invitation.errors.rankTwice);
  if (answer === "rank") {
    Object.assign(extra, ranks.errors);
    if (ranks.ranking.length === 0) extra.ranking = [t.invitation.errors.rankNone];
  }
  const submission = parseForm(formData, {
    schema: consentSchema,
    locale,
    input: (p) => ({
      side: p.side === "applicant" ? "applicant" : "respondent",
      informed: ticked ? true : undefined,
      ...(answer === "accept" ? { accept: true } : answer === "rank" ? { ranking: ranks.ranking } : { refuse: true }),
    }),
  });
  if (submission.status !== "success" || Object.keys(extra).length)
    return data({ result: submission.reply({ fieldErrors: extra }) }, { status: 400 });
  try {
    await consentAsUser({ user: auth.user, caseId: id, input: submission.value, side: submission.value.side, now: Date.now() });
  } catch (error) {
    const { result, status } = caseFormRefusal(error, submission, t);
    return data({ result }, { status });
  }
  return redirect(`/staff/cases/${id}/consent?done=1`);
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [
    { name: "description", content: t.metaDescription.consent },
    { title: `${loaded ? t.staffConsent.title(loaded.sheet.case.number) : t.meta.error} · ${t.siteName}` },
  ];
};

export default function RecordAnswerPage() {
  const { sheet, done } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>()?.result as Reply;
  const t = useT();
  const s = t.staffConsent;
  const locale = useLocale();
  const lang = dataLang(locale);
  const navigation = useNavigation();
  const c = sheet.case;
  const { can, shortlist } = sheet;
  const pick = c.picks[0];
  const answer = typedValue(reply, "answer");
  const side = typedValue(reply, "side") || "respondent";
  const answerErrors = errorsOf(reply, "answer");
  const informedErrors = errorsOf(reply, "informed");
  const rankingErrors = errorsOf(reply, "ranking");
  const rankIds = shortlist.map((m) => `rank-${m.id}`);
  const open = can.accept || can.rank || can.refuse;
  return (
    <div className="record-answer-page">
      <p className="back-link">
        <Link to="/staff/cases">{s.back}</Link>
      </p>
      <h1>
        {s.heading} <span className="case-number">{c.number}</span>
      </h1>
      {done ? <Notice>{s.done}</Notice> : null}
      <p className="lead">{s.intro}</p>
      <section className="panel" aria-labelledby="answers-heading">
        <h2 id="answers-heading">{s.answers}</h2>
        <ul className="party-answers">
          {c.parties.map((p) => (
            <li key={p.id}>
              <span className="small muted">{t.caseWords.side[p.side]}</span> <span lang={lang}>{p.name}</span>
              {p.phone ? <span className="muted"> · {p.phone}</span> : null}
              {" · "}
              {p.consent ? t.caseWords.consent[p.consent] : t.caseWords.noAnswer}
            </li>
          ))}
        </ul>
        <p>
          {t.caseWords.status[c.status]} · <Link to={`/cases/${c.id}`}>{s.caseLink}</Link>
        </p>
      </section>
      {open ? (
        <Form method="post" className="panel record-answer-form" noValidate>
          <ErrorSummary
            focusKey={reply}
            formErrors={reply?.error?.[""]}
            items={[
              { id: "informed", label: s.informedShort, errors: informedErrors },
              { id: "answer-accept", label: s.answer, errors: answerErrors },
              { id: rankIds[0] ?? "answer-rank", label: s.rankLegend, errors: rankingErrors },
              ...shortlist.map((m, i) => ({ id: rankIds[i], label: t.invitation.rankLabel(m.name), errors: errorsOf(reply, rankIds[i]) })),
            ]}
          />
          <CsrfInput />
          <fieldset className="choice-group">
            <legend>{s.side}</legend>
            <div className="choices">
              {(["respondent", "applicant"] as const).map((v) => (
                <label key={v} className="choice">
                  <input type="radio" name="side" value={v} defaultChecked={side === v} />
                  <span>{t.caseWords.side[v]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="informed-box">
            <label className="check-large">
              <input
                type="checkbox"
                id="informed"
                name="informed"
                value="on"
                defaultChecked={typedValue(reply, "informed") === "on"}
                aria-invalid={informedErrors ? true : undefined}
                aria-describedby={informedErrors ? "informed-error" : undefined}
              />
              <span>{s.informedLabel}</span>
            </label>
            <FieldErrors id="informed-error" errors={informedErrors} />
          </div>
          <fieldset className="choice-group" aria-describedby={answerErrors ? "answer-error" : undefined}>
            <legend>{s.answer}</legend>
            <div className="answer-options">
              {can.accept && pick ? (
                <label className="choice">
                  <input type="radio" id="answer-accept" name="answer" value="accept" defaultChecked={answer === "accept"} />
                  <span lang={lang}>{s.accept(pick.name)}</span>
                </label>
              ) : null}
              {can.rank ? (
                <label className="choice">
                  <input type="radio" id="answer-rank" name="answer" value="rank" defaultChecked={answer === "rank"} />
                  <span>{s.rank}</span>
                </label>
              ) : null}
              {can.refuse ? (
                <label className="choice">
                  <input type="radio" id="answer-refuse" name="answer" value="refuse" defaultChecked={answer === "refuse"} />
                  <span>{s.refuse}</span>
                </label>
              ) : null}
            </div>
            <FieldErrors id="answer-error" errors={answerErrors} />
          </fieldset>
          {can.rank ? (
            <fieldset className="choice-group">
              <legend>{s.rankLegend}</legend>
              <FieldErrors id="ranking-error" errors={rankingErrors} />
              <ul className="rank-list">
                {shortlist.map((m, i) => {
                  const id = rankIds[i];
                  const errors = errorsOf(reply, id);
                  return (
                    <li key={m.id} className="rank-row">
                      <label htmlFor={id} className="rank-name">
                        <span lang={lang}>{m.name}</span>
                        <span className="small muted" lang={lang}>
                          {m.title}
                        </span>
                      </label>
                      <select
                        id={id}
                        name={id}
                        defaultValue={typedValue(reply, id)}
                        aria-invalid={errors ? true : undefined}
                        aria-describedby={errors ? `${id}-error` : undefined}
                      >
                        <option value="">{t.invitation.rankBlank}</option>
                        {shortlist.map((_, r) => (
                          <option key={r} value={String(r + 1)}>
                            {t.invitation.rankOption(r + 1)}
                          </option>
                        ))}
                      </select>
                      <FieldErrors id={`${id}-error`} errors={errors} />
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ) : null}
          <SubmitButton pending={navigation.state === "submitting"} label={s.submit} />
        </Form>
      ) : (
        <p className="notice">{s.nothing}</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
