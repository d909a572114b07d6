// The search a profile was opened from, carried there and back (issue 11): a profile link holds the
// search's query string; the back link returns to /search with the known search parameters only.
import { describe, expect, it } from "vitest";
import { profileHref } from "./hit-card";
import { backToSearchHref } from "./search-url";

describe("the search carried to a profile and back", () => {
  it("a card's link carries its search, and the profile's back link returns to it", () => {
    const search = "q=%E5%8C%BB%E7%96%97&town=dongji&sort=success&page=2";
    const href = profileHref({ kind: "expert", id: 12 }, search);
    expect(href.startsWith("/mediators/12?search=")).toBe(true);
    expect(backToSearchHref(href.slice(href.indexOf("?")))).toBe("/search?q=%E5%8C%BB%E7%96%97&town=dongji&sort=success&page=2");
    expect(profileHref({ kind: "committee", id: 3 })).toBe("/committees/3");
  });

  it("without a carried search, the fallback", () => {
    expect(backToSearchHref("")).toBe("/search");
    expect(backToSearchHref("?other=1", "/search?kind=committee")).toBe("/search?kind=committee");
  });

  it("keeps only search parameters and always goes to /search", () => {
    const carried = new URLSearchParams({ search: "q=x&next=//evil.example&redirect=https://evil.example&town=liuheng" });
    expect(backToSearchHref(`?${carried}`)).toBe("/search?q=x&town=liuheng");
    expect(backToSearchHref(`?${new URLSearchParams({ search: "next=//evil.example" })}`)).toBe("/search");
  });
});
