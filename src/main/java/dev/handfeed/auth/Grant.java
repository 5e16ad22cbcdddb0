package dev.handfeed.auth;

import java.time.Instant;

/** What a verified token allows: who ({@code sub}, null when the token has none) and until when ({@code exp}). */
public record Grant(String subject, Instant expiresAt) {
}
