package nl.werkpact.keurmerk.golive;

/** How large an uploaded go-live file may be: 100,000 lines ({@link WerkgeversCsv#MAX_LINES}) of a few hundred bytes. */
final class ImportLimits {

  /** Also in application.yaml, spring.servlet.multipart.max-file-size and max-request-size. */
  static final int MAX_FILE_MEGABYTES = 20;

  private ImportLimits() {}
}
