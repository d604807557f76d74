// When a table is printed from the stored views of a kind's objects rather than from the objects:
// the views line is read whole, so it pays for a list of much of a collection, and a namespace of
// a few objects in a large collection reads those objects instead.

/** Whether listing `listed` objects of a collection of `total` reads their views (one in eight or more). */
export function viewsPay(listed: number, total: number): boolean {
  return listed * 8 > total;
}
