package dev.handfeed.hands;

/**
 * The tournament a hand belongs to, as its header and table line state it.
 *
 * @param name  the name between the quotes of the header, e.g. {@code #30 - W SERIES - MYSTERY REBUY}
 * @param id    the digits of the last {@code (digits)#} group of the table name, or null when absent
 * @param buyIn the buy-in text exactly as written ({@code 4,50€ + 0,50€}, {@code Ticket only}, {@code Gratuit})
 * @param level the level label as written; Winamax numbers levels inconsistently, so it stays text
 */
public record Tournament(String name, String id, String buyIn, String level) {
}
