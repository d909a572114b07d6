// Reads an RFC 5545 file the way a calendar does, for the tests: unfolds continuation lines, splits the
// VEVENTs and unescapes property values.
export interface IcsEvent {
  props: Map<string, string[]>;
  alarms: Map<string, string[]>[];
}

const unescape = (v: string) => v.replace(/\\n/gi, "\n").replace(/\\([,;\\])/g, "$1");

/** The lines as written, each at most 75 octets (the folding rule), and the events they make. */
export function parseIcs(text: string): { lines: string[]; unfolded: string[]; events: IcsEvent[] } {
  const lines = text.split("\r\n");
  const unfolded = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
  const events: IcsEvent[] = [];
  let event: IcsEvent | null = null;
  let alarm: Map<string, string[]> | null = null;
  for (const line of unfolded) {
    if (line === "BEGIN:VEVENT") event = { props: new Map(), alarms: [] };
    else if (line === "END:VEVENT") {
      events.push(event!);
      event = null;
    } else if (line === "BEGIN:VALARM") alarm = new Map();
    else if (line === "END:VALARM") {
      event!.alarms.push(alarm!);
      alarm = null;
    } else if (event) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).split(";")[0];
      const target = alarm ?? event.props;
      target.set(name, [...(target.get(name) ?? []), unescape(line.slice(colon + 1))]);
    }
  }
  return { lines, unfolded, events };
}

/** The one value of a property of an event. */
export const prop = (e: IcsEvent, name: string) => e.props.get(name)?.[0];
