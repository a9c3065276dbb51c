package dev.subpact.replay;

/**
 * One of {@code count} deterministic slices of a run ({@code --shard I/N}, 1-based): interaction
 * number k of the sorted list belongs to shard {@code k mod N + 1}, so N parallel CI jobs cover
 * every interaction exactly once.
 */
public record Shard(int index, int count) {

  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("Shard " + index + "/" + count
          + " does not exist: write I/N with 1 <= I <= N, e.g. 2/4.");
    }
  }

  /** Parses {@code I/N}. */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/");
    if (parts.length != 2) {
      throw new IllegalArgumentException("'" + text + "' is not a shard: write I/N, e.g. 2/4.");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a shard: write I/N with whole numbers, e.g. 2/4.");
    }
  }

  public boolean includes(int position) {
    return position % count == index - 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
