import { describe, expect, it } from "vitest";
import { groupLines } from "./lines";

describe("groupLines", () => {
  it("puts the customer’s own lines first, then each child under its heading, by category", () => {
    const lines = [
      {
        position: 2,
        heading: "Q Ltd (Q01)",
        category: null,
        description: "Q calls",
      },
      {
        position: 0,
        heading: null,
        category: "Rental",
        description: "P rental",
      },
      { position: 1, heading: null, category: null, description: "P calls" },
      {
        position: 3,
        heading: "Q Ltd (Q01)",
        category: "Rental",
        description: "Q rental",
      },
      {
        position: 4,
        heading: null,
        category: "Rental",
        description: "P second rental",
      },
    ];
    const groups = groupLines(lines);
    expect(groups.map((g) => g.heading)).toEqual(["", "Q Ltd (Q01)"]);
    expect(
      groups[0].categories.map((c) => [
        c.category,
        c.lines.map((l) => l.description),
      ]),
    ).toEqual([
      ["Rental", ["P rental", "P second rental"]],
      ["", ["P calls"]],
    ]);
    expect(groups[1].categories.map((c) => c.category)).toEqual(["", "Rental"]);
  });

  it("starts with the own lines even when a child’s come first by position", () => {
    const groups = groupLines([
      { position: 0, heading: "Q Ltd (Q01)", category: null },
      { position: 1, heading: null, category: null },
    ]);
    expect(groups.map((g) => g.heading)).toEqual(["", "Q Ltd (Q01)"]);
  });
});
