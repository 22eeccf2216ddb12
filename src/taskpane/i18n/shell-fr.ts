import type { ShellCatalog } from "./shell-en";

/** The strings of the pane's first script, in French (see `shell-en.ts`). */
export const frShell: ShellCatalog = {
  language: { name: "Français", label: "Langue" },
  app: {
    title: "Sales Plan Builder",
    subtitle:
      "Construisez votre plan d'action commercial en sept étapes ; les chiffres se mettent à jour pendant la saisie.",
    loadingStoredPlan: "Recherche d'un plan enregistré dans ce classeur…",
    loadingEditor: "Chargement de l'éditeur du plan…",
    loadFailed: (message) => `Une partie du volet n'a pas pu être chargée : ${message}`,
    retryLoad: "Réessayer",
  },
  nav: {
    label: "Étapes du plan",
    planDetails: "Plan",
    stepOf: (step, total) => `Étape ${step} sur ${total}`,
    detailsProgress: "Informations du plan et point de départ",
    previous: "Précédent",
    next: "Suivant",
    problemCount: (count) => (count === 1 ? "1 problème" : `${count} problèmes`),
    noProblems: "aucun problème",
    stepButton: (number, name, status) => `${number}. ${name}, ${status}`,
    stepButtonUnchecked: (number, name) => `${number}. ${name}`,
  },
  steps: {
    details: "Informations du plan",
    mission: "Mission et positionnement",
    objectives: "Objectifs",
    organization: "Organisation",
    audience: "Public cible",
    methodology: "Méthodologie",
    execution: "Exécution",
    measurement: "Mesure",
  },
};
