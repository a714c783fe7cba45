// Werkpact Keurmerk: the Welcome page in Dutch by default (locales/nl.json, checked by WebappLocaleTest), with the
// product's own name. Overrides the file in Camunda's webjar.
export default {
  app: {
    name: 'Welkom',
    vendor: 'Werkpact Keurmerk'
  },
  dateFormat: {
    normal: 'DD-MM-YYYY HH:mm',
    long: 'dddd D MMMM YYYY HH:mm'
  },
  locales: {
    availableLocales: ['nl', 'en'],
    fallbackLocale: 'nl'
  }
};
