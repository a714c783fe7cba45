// Werkpact Keurmerk: Tasklist in Dutch by default (locales/nl.json, checked against the shipped English one by
// WebappLocaleTest), with Dutch dates and the product's own name. Overrides the file in Camunda's webjar.
export default {
  app: {
    name: 'Takenlijst',
    vendor: 'Werkpact Keurmerk'
  },
  dateFormat: {
    normal: 'DD-MM-YYYY HH:mm',
    long: 'dddd D MMMM YYYY HH:mm'
  },
  locales: {
    availableLocales: ['nl', 'en'],
    fallbackLocale: 'nl'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'pakt de gekozen taak op'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'zet de cursor op het eerste filter'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'zet de cursor op de eerste taak in de lijst'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'zet de cursor in het eerste veld van het formulier'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opent het venster om een proces te starten'
    }
  }
};
