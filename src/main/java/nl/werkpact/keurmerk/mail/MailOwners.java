package nl.werkpact.keurmerk.mail;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Whose an e-mail is: the employer it is about, its contact address and its accountmanager (identity/). An e-mail
 * that did not go out is sent again by that accountmanager or an admin; sent to another address only when that is
 * the employer's contact address being corrected, which is then saved on the employer and told to the old address.
 */
public interface MailOwners {

  /** The template of the notice to the old address ({@code mail/contact-address-changed.*}). */
  String ADDRESS_CHANGED_TEMPLATE = "contact-address-changed";

  record Owner(
      long employerId,
      String employerName,
      String contactPerson,
      String contactEmail,
      String accountmanager) {}

  Optional<Owner> ownerOf(Correspondence mail);

  /** The accountmanager an e-mail names under its signature. */
  record Accountmanager(String name, String email) {}

  /**
   * The accountmanagers of the employers these records of one kind ({@code CONVENANT}, {@code AUDIT},
   * {@code KEURMERK}) are about: record id to accountmanager, for those that have one.
   */
  default Map<Long, Accountmanager> accountmanagersOf(
      String concernsType, Collection<Long> recordIds) {
    return Map.of();
  }

  /** Saves the corrected contact address on the employer, by this user, in the caller's transaction (with history). */
  void saveContactEmail(Owner owner, String newAddress, String user);

  MailOwners NOBODY =
      new MailOwners() {
        @Override
        public Optional<Owner> ownerOf(Correspondence mail) {
          return Optional.empty();
        }

        @Override
        public void saveContactEmail(Owner owner, String newAddress, String user) {
          throw new IllegalStateException("No employer to save an address on");
        }
      };
}
