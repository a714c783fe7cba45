package nl.werkpact.keurmerk.mail;

public record RenderedMail(String subject, String text, String html) {}
