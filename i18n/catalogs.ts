import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };
import applicationsEn from './messages/applications/en.json' with { type: 'json' };
import applicationsEs from './messages/applications/es.json' with { type: 'json' };
import applicationsFr from './messages/applications/fr.json' with { type: 'json' };
import applicationsNb from './messages/applications/nb.json' with { type: 'json' };
import applicationsNn from './messages/applications/nn.json' with { type: 'json' };
import budgetsEn from './messages/budgets/en.json' with { type: 'json' };
import budgetsEs from './messages/budgets/es.json' with { type: 'json' };
import budgetsFr from './messages/budgets/fr.json' with { type: 'json' };
import budgetsNb from './messages/budgets/nb.json' with { type: 'json' };
import budgetsNn from './messages/budgets/nn.json' with { type: 'json' };
import careEn from './messages/care/en.json' with { type: 'json' };
import careEs from './messages/care/es.json' with { type: 'json' };
import careFr from './messages/care/fr.json' with { type: 'json' };
import careNb from './messages/care/nb.json' with { type: 'json' };
import careNn from './messages/care/nn.json' with { type: 'json' };
import coursesEn from './messages/courses/en.json' with { type: 'json' };
import coursesEs from './messages/courses/es.json' with { type: 'json' };
import coursesFr from './messages/courses/fr.json' with { type: 'json' };
import coursesNb from './messages/courses/nb.json' with { type: 'json' };
import coursesNn from './messages/courses/nn.json' with { type: 'json' };
import exchangeEn from './messages/exchange/en.json' with { type: 'json' };
import exchangeEs from './messages/exchange/es.json' with { type: 'json' };
import exchangeFr from './messages/exchange/fr.json' with { type: 'json' };
import exchangeNb from './messages/exchange/nb.json' with { type: 'json' };
import exchangeNn from './messages/exchange/nn.json' with { type: 'json' };
import financeEn from './messages/finance/en.json' with { type: 'json' };
import financeEs from './messages/finance/es.json' with { type: 'json' };
import financeFr from './messages/finance/fr.json' with { type: 'json' };
import financeNb from './messages/finance/nb.json' with { type: 'json' };
import financeNn from './messages/finance/nn.json' with { type: 'json' };
import financialReportsEn from './messages/financial-reports/en.json' with { type: 'json' };
import financialReportsEs from './messages/financial-reports/es.json' with { type: 'json' };
import financialReportsFr from './messages/financial-reports/fr.json' with { type: 'json' };
import financialReportsNb from './messages/financial-reports/nb.json' with { type: 'json' };
import financialReportsNn from './messages/financial-reports/nn.json' with { type: 'json' };
import geographyEn from './messages/geography/en.json' with { type: 'json' };
import geographyEs from './messages/geography/es.json' with { type: 'json' };
import geographyFr from './messages/geography/fr.json' with { type: 'json' };
import geographyNb from './messages/geography/nb.json' with { type: 'json' };
import geographyNn from './messages/geography/nn.json' with { type: 'json' };
import iatiEn from './messages/iati/en.json' with { type: 'json' };
import iatiEs from './messages/iati/es.json' with { type: 'json' };
import iatiFr from './messages/iati/fr.json' with { type: 'json' };
import iatiNb from './messages/iati/nb.json' with { type: 'json' };
import iatiNn from './messages/iati/nn.json' with { type: 'json' };
import openDataEn from './messages/open-data/en.json' with { type: 'json' };
import openDataEs from './messages/open-data/es.json' with { type: 'json' };
import openDataFr from './messages/open-data/fr.json' with { type: 'json' };
import openDataNb from './messages/open-data/nb.json' with { type: 'json' };
import openDataNn from './messages/open-data/nn.json' with { type: 'json' };
import participantListEn from './messages/participant-list/en.json' with { type: 'json' };
import participantListEs from './messages/participant-list/es.json' with { type: 'json' };
import participantListFr from './messages/participant-list/fr.json' with { type: 'json' };
import participantListNb from './messages/participant-list/nb.json' with { type: 'json' };
import participantListNn from './messages/participant-list/nn.json' with { type: 'json' };
import participantPagesEn from './messages/participant-pages/en.json' with { type: 'json' };
import participantPagesEs from './messages/participant-pages/es.json' with { type: 'json' };
import participantPagesFr from './messages/participant-pages/fr.json' with { type: 'json' };
import participantPagesNb from './messages/participant-pages/nb.json' with { type: 'json' };
import participantPagesNn from './messages/participant-pages/nn.json' with { type: 'json' };
import participantsEn from './messages/participants/en.json' with { type: 'json' };
import participantsEs from './messages/participants/es.json' with { type: 'json' };
import participantsFr from './messages/participants/fr.json' with { type: 'json' };
import participantsNb from './messages/participants/nb.json' with { type: 'json' };
import participantsNn from './messages/participants/nn.json' with { type: 'json' };
import partnershipChainEn from './messages/partnership-chain/en.json' with { type: 'json' };
import partnershipChainEs from './messages/partnership-chain/es.json' with { type: 'json' };
import partnershipChainFr from './messages/partnership-chain/fr.json' with { type: 'json' };
import partnershipChainNb from './messages/partnership-chain/nb.json' with { type: 'json' };
import partnershipChainNn from './messages/partnership-chain/nn.json' with { type: 'json' };
import programmesEn from './messages/programmes/en.json' with { type: 'json' };
import programmesEs from './messages/programmes/es.json' with { type: 'json' };
import programmesFr from './messages/programmes/fr.json' with { type: 'json' };
import programmesNb from './messages/programmes/nb.json' with { type: 'json' };
import programmesNn from './messages/programmes/nn.json' with { type: 'json' };
import reportsEn from './messages/reports/en.json' with { type: 'json' };
import reportsEs from './messages/reports/es.json' with { type: 'json' };
import reportsFr from './messages/reports/fr.json' with { type: 'json' };
import reportsNb from './messages/reports/nb.json' with { type: 'json' };
import reportsNn from './messages/reports/nn.json' with { type: 'json' };
import resultsEn from './messages/results/en.json' with { type: 'json' };
import resultsEs from './messages/results/es.json' with { type: 'json' };
import resultsFr from './messages/results/fr.json' with { type: 'json' };
import resultsNb from './messages/results/nb.json' with { type: 'json' };
import resultsNn from './messages/results/nn.json' with { type: 'json' };
import reviewEn from './messages/review/en.json' with { type: 'json' };
import reviewEs from './messages/review/es.json' with { type: 'json' };
import reviewFr from './messages/review/fr.json' with { type: 'json' };
import reviewNb from './messages/review/nb.json' with { type: 'json' };
import reviewNn from './messages/review/nn.json' with { type: 'json' };
import statisticsEn from './messages/statistics/en.json' with { type: 'json' };
import statisticsEs from './messages/statistics/es.json' with { type: 'json' };
import statisticsFr from './messages/statistics/fr.json' with { type: 'json' };
import statisticsNb from './messages/statistics/nb.json' with { type: 'json' };
import statisticsNn from './messages/statistics/nn.json' with { type: 'json' };
import tranchesEn from './messages/tranches/en.json' with { type: 'json' };
import tranchesEs from './messages/tranches/es.json' with { type: 'json' };
import tranchesFr from './messages/tranches/fr.json' with { type: 'json' };
import tranchesNb from './messages/tranches/nb.json' with { type: 'json' };
import tranchesNn from './messages/tranches/nn.json' with { type: 'json' };
import unitCostsEn from './messages/unit-costs/en.json' with { type: 'json' };
import unitCostsEs from './messages/unit-costs/es.json' with { type: 'json' };
import unitCostsFr from './messages/unit-costs/fr.json' with { type: 'json' };
import unitCostsNb from './messages/unit-costs/nb.json' with { type: 'json' };
import unitCostsNn from './messages/unit-costs/nn.json' with { type: 'json' };
import type { Locale } from './locales.ts';

/**
 * One catalog per locale, assembled from one file per area (messages/<area>/<locale>.json) so that
 * areas can be written side by side. catalogs.test.ts fails when two areas define the same key.
 * Written by scripts/write-catalogs.ts: run it after adding an area, do not edit by hand.
 */
export const catalogAreas = {
  en: [en, applicationsEn, budgetsEn, careEn, coursesEn, exchangeEn, financeEn, financialReportsEn, geographyEn, iatiEn, openDataEn, participantListEn, participantPagesEn, participantsEn, partnershipChainEn, programmesEn, reportsEn, resultsEn, reviewEn, statisticsEn, tranchesEn, unitCostsEn],
  nb: [nb, applicationsNb, budgetsNb, careNb, coursesNb, exchangeNb, financeNb, financialReportsNb, geographyNb, iatiNb, openDataNb, participantListNb, participantPagesNb, participantsNb, partnershipChainNb, programmesNb, reportsNb, resultsNb, reviewNb, statisticsNb, tranchesNb, unitCostsNb],
  nn: [nn, applicationsNn, budgetsNn, careNn, coursesNn, exchangeNn, financeNn, financialReportsNn, geographyNn, iatiNn, openDataNn, participantListNn, participantPagesNn, participantsNn, partnershipChainNn, programmesNn, reportsNn, resultsNn, reviewNn, statisticsNn, tranchesNn, unitCostsNn],
  fr: [fr, applicationsFr, budgetsFr, careFr, coursesFr, exchangeFr, financeFr, financialReportsFr, geographyFr, iatiFr, openDataFr, participantListFr, participantPagesFr, participantsFr, partnershipChainFr, programmesFr, reportsFr, resultsFr, reviewFr, statisticsFr, tranchesFr, unitCostsFr],
  es: [es, applicationsEs, budgetsEs, careEs, coursesEs, exchangeEs, financeEs, financialReportsEs, geographyEs, iatiEs, openDataEs, participantListEs, participantPagesEs, participantsEs, partnershipChainEs, programmesEs, reportsEs, resultsEs, reviewEs, statisticsEs, tranchesEs, unitCostsEs],
} as const;

const english = { ...en, ...applicationsEn, ...budgetsEn, ...careEn, ...coursesEn, ...exchangeEn, ...financeEn, ...financialReportsEn, ...geographyEn, ...iatiEn, ...openDataEn, ...participantListEn, ...participantPagesEn, ...participantsEn, ...partnershipChainEn, ...programmesEn, ...reportsEn, ...resultsEn, ...reviewEn, ...statisticsEn, ...tranchesEn, ...unitCostsEn };

/** English is the source catalog: its keys are the type every other catalog must match. */
export type MessageKey = keyof typeof english;
export type Catalog = Record<MessageKey, string>;

const merge = (areas: readonly object[]) => Object.assign({}, ...areas) as Catalog;

export const catalogs: Record<Locale, Catalog> = {
  en: english,
  nb: merge(catalogAreas.nb),
  nn: merge(catalogAreas.nn),
  fr: merge(catalogAreas.fr),
  es: merge(catalogAreas.es),
};

/** True when `key` names a message: for keys built from what a request sent (`?saved=…`), which may name none. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogs.en, key);
}
