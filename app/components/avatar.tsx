// A placeholder portrait: the first character of the name in a coloured circle. No photos of anyone
// (the people are invented, and no image is fetched from elsewhere).
const COLOURS = ["#0f766e", "#1d4ed8", "#7c3aed", "#b91c1c", "#15803d", "#be185d", "#4338ca", "#9a3412"];

export function Avatar({ name, seed, size = "md" }: { name: string; seed: number; size?: "sm" | "md" | "lg" }) {
  const initial = Array.from(name.trim())[0] ?? "?";
  const colour = COLOURS[Math.abs(seed) % COLOURS.length];
  return (
    <span className={`avatar avatar-${size}`} style={{ backgroundColor: colour }} aria-hidden="true">
      {initial}
    </span>
  );
}
