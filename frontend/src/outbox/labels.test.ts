import { describe, expect, it } from "vitest";
import { fileSize, looksLikeAddress } from "./labels";

describe("looksLikeAddress", () => {
  it("takes one bare address, as the server does", () => {
    expect(looksLikeAddress("accounts@oakbarn.example")).toBe(true);
    expect(looksLikeAddress("  accounts@oakbarn.example ")).toBe(true);
  });
  it("refuses a name, two addresses, a domain without a dot", () => {
    expect(looksLikeAddress("Accounts <accounts@oakbarn.example>")).toBe(false);
    expect(looksLikeAddress("a@x.example, b@x.example")).toBe(false);
    expect(looksLikeAddress("accounts@oakbarn")).toBe(false);
    expect(looksLikeAddress("accounts@oakbarn.")).toBe(false);
    expect(looksLikeAddress("")).toBe(false);
  });
});

describe("fileSize", () => {
  it("says bytes, kB and MB", () => {
    expect(fileSize(512)).toBe("512 B");
    expect(fileSize(48_213)).toBe("48.2 kB");
    expect(fileSize(2_500_000)).toBe("2.5 MB");
  });
});
