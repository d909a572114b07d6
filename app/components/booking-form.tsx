// The order form of a mediator's or committee's booking page: a slot from the calendar, the mode (only
// those the chosen slot offers, once JavaScript runs; without it all the subject's modes, and the
// server explains a mismatch), the town for on-site sessions, the kind of dispute (the subject's own
// first; preselected from the search's category), a summary and the other side's name; on site the
// meeting point and a phone for the day, at the centre the town the party comes from (who crosses the
// water). The server answers every field's error at once. A hidden idempotency key, fresh for each
// form shown, makes a double submit one booking. A time held while the party signed in comes preselected.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { CATEGORIES, MODES, TOWNS } from "../../domain";
import { useLocale, useT } from "~/i18n";
import { FreeOfCharge } from "./free-of-charge";
import { ErrorSummary, FieldErrors, SelectField, SubmitButton, TextAreaField, TextField } from "./forms";
import { CsrfInput } from "./session";
import { SlotPicker, slotPickerFocusId, type CalendarWindow, type SlotView } from "./slot-calendar";
import { useHydrated } from "./use-hydrated";

interface BookingFields {
  start: string;
  mode: string;
  town: string;
  category: string;
  summary: string;
  counterpartyName: string;
  counterpartyPhone: string;
  meetingPoint: string;
  contactPhone: string;
  partyTown: string;
}

/** After a refused booking the calendar must show what is free now (Remix skips reloading after a 4xx). */
export function revalidateAfterConflict({
  actionStatus,
  defaultShouldRevalidate,
}: {
  actionStatus?: number;
  defaultShouldRevalidate: boolean;
}) {
  return actionStatus === 409 || actionStatus === 422 || defaultShouldRevalidate;
}

export function BookingForm({
  slots,
  window,
  hrefFor,
  offeredModes,
  offeredTowns,
  categories,
  idempotencyKey,
  lastResult,
  defaultStart,
  defaultCategory,
}: {
  slots: SlotView[];
  window: CalendarWindow;
  hrefFor: (from: string) => string;
  /** Everything the mediator or committee offers (what a form without JavaScript shows). */
  offeredModes: string[];
  offeredTowns: string[];
  /** Their own categories, listed first. */
  categories: string[];
  idempotencyKey: string;
  lastResult?: SubmissionResult<string[]> | null;
  /** The time held for the party while they signed in. */
  defaultStart?: string | null;
  /** The dispute type the search was about. */
  defaultCategory?: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const [form, fields] = useForm<BookingFields>({
    id: "book",
    lastResult,
    defaultValue: { start: defaultStart ?? undefined, category: defaultCategory ?? undefined },
  });
  const initial = (v: unknown) => (typeof v === "string" && v ? v : null);
  const [start, setStart] = useState<string | null>(initial(fields.start.initialValue));
  const [mode, setMode] = useState<string | null>(initial(fields.mode.initialValue));
  const chosen = slots.find((s) => s.start === start) ?? null;

  const choose = (value: string) => {
    setStart(value);
    const slot = slots.find((s) => s.start === value);
    if (!slot) return;
    if (slot.modes.length === 1) setMode(slot.modes[0]);
    else if (mode && !slot.modes.includes(mode)) setMode(null);
  };

  const modeSlugs = hydrated && chosen ? chosen.modes : offeredModes;
  const modeOptions = MODES.filter((m) => modeSlugs.includes(m.slug));
  const townSlugs = hydrated && chosen ? chosen.towns : offeredTowns;
  const showTown = hydrated ? mode === "onsite" : offeredTowns.length > 0;
  // Without JavaScript every mode's fields show (the server ignores those of another mode).
  const showOnsite = hydrated ? mode === "onsite" : offeredModes.includes("onsite");
  const showPartyTown = hydrated ? mode === "centre" : offeredModes.includes("centre");
  const modeInvalid = Boolean(fields.mode.errors?.length);
  const pending = navigation.state === "submitting" && navigation.formMethod === "POST";
  const theirs = CATEGORIES.filter((c) => categories.includes(c.slug));
  const others = CATEGORIES.filter((c) => !categories.includes(c.slug));

  return (
    // No preventScrollReset: a sent request lands at the top of its booking page, on the confirmation.
    <Form method="post" {...getFormProps(form)} className="booking-form">
      <ErrorSummary
        focusKey={lastResult}
        formErrors={form.errors}
        items={[
          { id: slotPickerFocusId("start", slots), label: t.calendar.legend, errors: fields.start.errors },
          { id: `${fields.mode.id}-0`, label: t.book.modeLegend, errors: fields.mode.errors },
          { id: fields.town.id, label: t.book.town, errors: fields.town.errors },
          { id: fields.meetingPoint.id, label: t.journey.meetingPoint, errors: fields.meetingPoint.errors },
          { id: fields.contactPhone.id, label: t.journey.contactPhone, errors: fields.contactPhone.errors },
          { id: fields.partyTown.id, label: t.journey.partyTown, errors: fields.partyTown.errors },
          { id: fields.category.id, label: t.book.category, errors: fields.category.errors },
          { id: fields.summary.id, label: t.book.summary, errors: fields.summary.errors },
          { id: fields.counterpartyName.id, label: t.book.counterparty, errors: fields.counterpartyName.errors },
          { id: fields.counterpartyPhone.id, label: t.book.counterpartyPhone, errors: fields.counterpartyPhone.errors },
        ]}
      />
      <CsrfInput />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <SlotPicker
        name="start"
        slots={slots}
        window={window}
        hrefFor={hrefFor}
        selected={start}
        onSelect={choose}
        errors={fields.start.errors}
        errorId={fields.start.errorId}
      />

      <section className="panel booking-details" aria-labelledby="details-heading">
        <h2 id="details-heading">{t.book.detailsHeading}</h2>
        <fieldset
          className="field choice-group"
          aria-describedby={[`${fields.mode.id}-hint`, modeInvalid ? fields.mode.errorId : ""].filter(Boolean).join(" ")}
        >
          <legend>{t.book.modeLegend}</legend>
          <p id={`${fields.mode.id}-hint`} className="field-hint">
            {t.book.modeHint}
          </p>
          <div className="choices">
            {modeOptions.map((m, i) => (
              <label key={m.slug} className="choice" htmlFor={`${fields.mode.id}-${i}`}>
                <input
                  type="radio"
                  id={`${fields.mode.id}-${i}`}
                  name="mode"
                  value={m.slug}
                  checked={mode === m.slug}
                  onChange={() => setMode(m.slug)}
                  aria-invalid={modeInvalid || undefined}
                />
                {m[locale]}
              </label>
            ))}
          </div>
          <FieldErrors id={fields.mode.errorId} errors={fields.mode.errors} />
        </fieldset>

        {showTown ? (
          <SelectField field={fields.town} label={t.book.town} hint={hydrated ? undefined : t.book.townHint}>
            <option value="">{t.book.townPlaceholder}</option>
            {TOWNS.filter((x) => townSlugs.includes(x.slug)).map((x) => (
              <option key={x.slug} value={x.slug}>
                {x[locale]}
                {x.island ? (locale === "zh" ? `（${t.search.island}）` : ` (${t.search.island})`) : ""}
              </option>
            ))}
          </SelectField>
        ) : null}

        {showOnsite ? (
          <>
            <TextField field={fields.meetingPoint} label={t.journey.meetingPoint} hint={t.journey.meetingPointHint} maxLength={200} />
            <TextField
              field={fields.contactPhone}
              label={t.journey.contactPhone}
              hint={t.journey.contactPhoneHint}
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              maxLength={20}
            />
          </>
        ) : null}

        {showPartyTown ? (
          <SelectField field={fields.partyTown} label={t.journey.partyTown} hint={t.journey.partyTownHint}>
            <option value="">{t.journey.partyTownPlaceholder}</option>
            {TOWNS.map((x) => (
              <option key={x.slug} value={x.slug}>
                {x[locale]}
                {x.island ? (locale === "zh" ? `（${t.search.island}）` : ` (${t.search.island})`) : ""}
              </option>
            ))}
          </SelectField>
        ) : null}

        <SelectField field={fields.category} label={t.book.category}>
          <option value="">{t.book.categoryPlaceholder}</option>
          {theirs.length ? (
            <optgroup label={t.book.categoryTheirs}>
              {theirs.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c[locale]}
                </option>
              ))}
            </optgroup>
          ) : null}
          <optgroup label={t.book.categoryOther}>
            {others.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c[locale]}
              </option>
            ))}
          </optgroup>
        </SelectField>

        <TextAreaField field={fields.summary} label={t.book.summary} hint={t.book.summaryHint} maxLength={1000} />
        <TextField field={fields.counterpartyName} label={t.book.counterparty} hint={t.book.counterpartyHint} maxLength={60} />
        <TextField
          field={fields.counterpartyPhone}
          label={t.book.counterpartyPhone}
          hint={t.book.counterpartyPhoneHint}
          type="tel"
          autoComplete="off"
          inputMode="tel"
          maxLength={20}
        />

        <FreeOfCharge />
        <SubmitButton pending={pending} label={t.book.submit} pendingLabel={t.book.submitting} />
      </section>
    </Form>
  );
}
