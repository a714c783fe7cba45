// Werkpact Keurmerk: Cockpit in Dutch by default (locales/nl.json, checked against the shipped English one by
// WebappLocaleTest), with Dutch dates and the product's own name. Overrides the (empty) file in Camunda's webjar.
export default {
  app: {
    name: 'Cockpit',
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
