package dev.subpact.graphql.report;

/**
 * How the text report is laid out for a person.
 *
 * @param width the column at which lines wrap (the terminal's width; 80 when not a terminal)
 * @param verbosity how much it says
 */
public record TextLayout(int width, Verbosity verbosity) {

  /** The narrowest width wrapped to: below it, indented lines would hold a word or two. */
  public static final int MIN_WIDTH = 40;

  /** 80 columns, the normal amount of detail: what goes to a file or a CI log. */
  public static final TextLayout DEFAULT = new TextLayout(80, Verbosity.NORMAL);

  public TextLayout {
    if (verbosity == null) {
      throw new IllegalArgumentException("verbosity is required");
    }
    width = Math.max(MIN_WIDTH, width);
  }
}
