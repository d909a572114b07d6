// The admin's mediator picker (issue 11): 88 mediators were one long <select> to scroll. Without
// JavaScript the page's GET search box (?find=) narrows the <select> the server renders; with it, the
// field is an ARIA 1.2 combobox: type a name, its pinyin ("longxu", "lx") or the number, move through
// the matches with the arrow keys, Enter or a click picks one, Escape closes the list; how many match
// is announced. Either way the form posts `mediatorId`.
import { Form } from "@remix-run/react";
import { useId, useState, type KeyboardEvent } from "react";
import { FieldErrors } from "~/components/forms";
import { useHydrated } from "~/components/use-hydrated";
import { useT } from "~/i18n";

export interface MediatorChoice {
  id: number;
  name: string;
  /** The kind, worded in the page's language. */
  kind: string;
  /** Toneless pinyin syllables of the name, space separated (from the server: pinyin-pro stays there). */
  pinyin: string;
}

/** How many matches the list shows at once: enough to see, few enough to arrow through. */
const SHOWN = 12;

const labelOf = (m: MediatorChoice) => `#${m.id} ${m.name}（${m.kind}）`;

/** The mediators `query` finds, by number, name, full pinyin or its initials; all of them for a blank query. */
export function matchMediators<T extends MediatorChoice>(list: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase().replace(/^#/, "").replace(/\s+/g, "");
  if (!q) return [...list];
  return list.filter((m) => {
    const syllables = m.pinyin.split(/\s+/).filter(Boolean);
    return (
      String(m.id) === q ||
      m.name.toLowerCase().replace(/\s+/g, "").includes(q) ||
      syllables.join("").includes(q) ||
      syllables
        .map((s) => s[0])
        .join("")
        .startsWith(q)
    );
  });
}

interface FieldProps {
  /** The control's id (the error summary jumps to it) and the ids of its hint and errors. */
  id: string;
  hintId: string;
  errorId: string;
  label: string;
  hint: string;
  errors?: string[];
  options: readonly MediatorChoice[];
  /** The mediator chosen before (a reply that came back, or the account being edited). */
  initialId?: number | null;
}

/** Without JavaScript: a plain <select> of what the GET search found (the whole list without a search). */
export function MediatorSelect({ find, noneLabel, ...p }: FieldProps & { find: string; noneLabel: string }) {
  const t = useT();
  const shown = matchMediators(p.options, find);
  const initial = p.options.find((m) => m.id === p.initialId);
  // A mediator chosen before stays choosable whatever the search narrowed to.
  const list = initial && !shown.includes(initial) ? [initial, ...shown] : shown;
  return (
    <div className="field">
      <label htmlFor={p.id}>{p.label}</label>
      <p id={p.hintId} className="field-hint">
        {p.hint} {find ? t.staffPages.picker.foundFor(find, shown.length) : null}
      </p>
      <select
        id={p.id}
        name="mediatorId"
        defaultValue={p.initialId ? String(p.initialId) : ""}
        aria-invalid={p.errors?.length ? true : undefined}
        aria-describedby={p.errors?.length ? `${p.hintId} ${p.errorId}` : p.hintId}
      >
        <option value="">{noneLabel}</option>
        {list.map((m) => (
          <option key={m.id} value={m.id}>
            {labelOf(m)}
          </option>
        ))}
      </select>
      <FieldErrors id={p.errorId} errors={p.errors} />
    </div>
  );
}

/** With JavaScript: the combobox. The chosen id travels in a hidden input, the typed text does not. */
export function MediatorCombobox(p: FieldProps) {
  const t = useT();
  const listId = useId();
  const initial = p.options.find((m) => m.id === p.initialId) ?? null;
  const [text, setText] = useState(initial ? labelOf(initial) : "");
  const [chosen, setChosen] = useState<MediatorChoice | null>(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = chosen && text === labelOf(chosen) ? p.options : matchMediators(p.options, text);
  const shown = matches.slice(0, SHOWN);
  const choose = (m: MediatorChoice) => {
    setChosen(m);
    setText(labelOf(m));
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setOpen(true);
      setActive((i) => (shown.length === 0 ? -1 : (i + step + shown.length) % shown.length));
    } else if (e.key === "Enter" && open && active >= 0 && shown[active]) {
      e.preventDefault(); // picks the option; the form is sent by its button
      choose(shown[active]);
    } else if (e.key === "Escape") {
      if (open) setOpen(false);
      else {
        setText("");
        setChosen(null);
      }
    }
  };
  const describedBy = [p.hintId, `${listId}-count`, p.errors?.length ? p.errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field combobox">
      <label htmlFor={p.id}>{p.label}</label>
      <p id={p.hintId} className="field-hint">
        {p.hint} {t.staffPages.picker.typeHint}
      </p>
      <input type="hidden" name="mediatorId" value={chosen?.id ?? ""} />
      {/* The list hangs below the box (in the flex column of .field its own place would be the top). */}
      <div className="combobox-anchor">
        <input
          id={p.id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${listId}-${shown[active]?.id}` : undefined}
          aria-invalid={p.errors?.length ? true : undefined}
          aria-describedby={describedBy}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setChosen(null);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={p.label} className="combobox-list" hidden={!open || shown.length === 0}>
          {shown.map((m, i) => (
            <li
              key={m.id}
              id={`${listId}-${m.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "is-active" : undefined}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
            >
              {labelOf(m)}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${listId}-count`} className="visually-hidden" role="status">
        {open && !chosen ? t.staffPages.picker.matches(matches.length, shown.length) : ""}
      </p>
      <FieldErrors id={p.errorId} errors={p.errors} />
    </div>
  );
}

/**
 * The GET search box for the page without JavaScript (it stands outside the POST form it serves, so it
 * is shown before the form: find, then fill in). `keep` carries the page's other query values.
 */
export function MediatorFindForm({ find, keep = {} }: { find: string; keep?: Record<string, string> }) {
  const t = useT();
  const p = t.staffPages.picker;
  return (
    <Form method="get" className="mediator-find" role="search" aria-label={p.findLabel}>
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="field">
        <label htmlFor="mediator-find">{p.findLabel}</label>
        <p id="mediator-find-hint" className="field-hint">
          {p.findHint}
        </p>
        <div className="inline-row">
          <input id="mediator-find" type="search" name="find" defaultValue={find} maxLength={40} aria-describedby="mediator-find-hint" />
          <button type="submit" className="button">
            {p.findButton}
          </button>
        </div>
      </div>
    </Form>
  );
}

/** The picker a form shows: the combobox once JavaScript runs, the server-narrowed <select> before. */
export function MediatorField(p: FieldProps & { find: string; noneLabel: string }) {
  const hydrated = useHydrated();
  return hydrated ? <MediatorCombobox {...p} /> : <MediatorSelect {...p} />;
}
