// Chaînes françaises de la page de classe, de la visite guidée, des exports et
// du CSV : mêmes clés que en-teach.js. Le coordinateur les fusionne dans fr.js.
export default {
  'lang.label': 'Langue',

  'teach.pageTitle': 'Enseigner le cadre de l’écosystème de main-d’œuvre',
  'teach.title': 'Enseigner le cadre',
  'teach.nav': 'Vues pour la classe',
  'teach.tab.tour': 'Visite guidée',
  'teach.tab.blank': 'Schéma vierge',
  'teach.tab.compare': 'Comparer',
  'teach.tab.export': 'Exporter',
  'teach.backToEditor': 'Ouvrir l’éditeur',
  'teach.model': 'Modèle',
  'teach.modelSample': 'Organisation exemple',
  'teach.modelLoad': 'Charger un fichier de modèle…',
  'teach.modelLoaded': '« {name} » est chargé.',
  'teach.modelKept': 'Conservé depuis avant le rechargement de la page : « {name} ».',
  'teach.modelNotKept': 'Le navigateur n’a pas pu le conserver : si la page est rechargée, chargez de nouveau le fichier.',
  'teach.modelLost': 'Le modèle affiché avant le rechargement de la page n’a pas pu être rouvert ({message}) : l’exemple est affiché ; chargez de nouveau votre fichier.',
  'teach.modelError': 'Ce fichier est inutilisable : {message}',
  'teach.loading': 'Chargement…',
  'teach.diagram': 'Schéma du cadre',

  'tour.start': 'Commencer la visite',
  'tour.stage': 'La diapositive de la visite',
  'tour.presenter': 'Mode présentation',
  'tour.leavePresenter': 'Quitter le mode présentation (Échap)',
  'tour.prev': 'Précédent',
  'tour.next': 'Suivant',
  'tour.stepOf': 'Étape {n} sur {total}',
  'tour.announce': '{step} : {title}',
  'tour.progress': 'Progression de la visite',
  'tour.goTo': 'Aller à l’étape {n} : {title}',
  'tour.keys': '← → pour avancer · Début et Fin pour sauter',
  'tour.kicker.whole': 'Vue d’ensemble',
  'tour.kicker.theme': 'Hexagone {n} sur {total}, de l’extérieur vers le centre',
  'tour.kicker.axis': 'Axe {n} sur {total}',

  'tour.scores.thisModel': 'Ce modèle',
  'tour.scores.whole': '{name}, montré sur le schéma avec ses notes actuelles : maturité globale {readiness}, sur {count} cases notées.',
  'tour.scores.theme': '{name} : maturité de « {label} » : {readiness}.',
  'tour.scores.axis': '{name}, maturité : {players}.',
  'tour.scores.player': '{label} {readiness}',
  'tour.scores.and': ', ',

  'tour.step.whole.title': 'L’écosystème de main-d’œuvre d’un coup d’œil',
  'tour.step.whole.body':
    'Un écosystème de main-d’œuvre réunit tous ceux qui créent de la valeur avec une organisation : ses salariés, mais aussi les prestataires et indépendants, les travailleurs trouvés sur des plateformes numériques, les sous-traitants et prestataires externalisés, les développeurs qui bâtissent des applications sur sa plateforme, et ses partenaires stratégiques.\n\n' +
    'Personne ne peut tous les commander. L’écosystème doit être orchestré plutôt que dirigé, et ce schéma montre comment. Six acteurs de l’organisation se tiennent à l’extérieur, deux par deux sur trois axes. Quatre hexagones concentriques, lus de l’extérieur vers le centre, disent ce qu’ils doivent réussir ensemble.\n\n' +
    'Chaque case, là où un hexagone rencontre le coin d’un acteur, est la part de cet acteur dans ce thème.',

  'tour.step.theme:leadership.title': 'Approches de leadership',
  'tour.step.theme:leadership.body':
    'L’hexagone extérieur parle de diriger des personnes sur lesquelles on n’a pas d’autorité. Beaucoup des contributeurs dont dépend l’entreprise ne rendent compte à personne en son sein.\n\n' +
    'Les dirigeants créent un sentiment d’appartenance qui franchit les frontières de l’organisation, influencent sans autorité hiérarchique, et étendent leurs pratiques d’inclusion — reconnaissance, droit à la parole, traitement équitable — aux contributeurs externes comme aux salariés.\n\n' +
    'Une question pour la salle : qui un prestataire considère-t-il ici comme son responsable ?',

  'tour.step.theme:integration.title': 'Architectures d’intégration',
  'tour.step.theme:integration.body':
    'Le deuxième hexagone décrit comment fonctions et business units travaillent ensemble sur l’écosystème entier, au lieu que chacune gère sa propre part.\n\n' +
    'Il couvre l’accès aux talents externes (RH et achats), l’accès aux données (informatique), la contractualisation (juridique), les allocations, la facturation et les paiements (finance), et la rigueur du contrôle des résultats des tiers — par exemple, la sévérité des tests de conformité des applications partenaires.\n\n' +
    'Sans intégration, le même travail est acheté deux fois, certaines tâches n’appartiennent à personne, les fonctions se contredisent et les tiers reçoivent des messages contradictoires.',

  'tour.step.theme:technology.title': 'Leviers technologiques',
  'tour.step.theme:technology.body':
    'Le troisième hexagone regroupe les systèmes d’information et les données qui rendent visible chaque type de contributeur.\n\n' +
    'Dans la plupart des organisations, cette image est morcelée : un système suit les intérimaires d’une fonction, un autre l’écosystème de développeurs, un troisième les sous-traitants de la distribution — et ils ne communiquent pas entre eux.\n\n' +
    'Orchestrer demande une vue unique et reliée : qui contribue, par quelle relation, à quel coût et avec quel résultat.',

  'tour.step.theme:management.title': 'Pratiques de management',
  'tour.step.theme:management.body':
    'Au centre se trouvent les pratiques quotidiennes du travail avec les contributeurs ; elles vont au-delà du cycle de vie du salarié : recruter, développer, fidéliser.\n\n' +
    'Les managers cherchent les talents où qu’ils soient, dans l’organisation ou en dehors, et engagent personnes et organisations par toutes sortes de relations : emploi, contrats, plateformes numériques de travail, interfaces ouvertes et magasins d’applications.\n\n' +
    'Le centre est l’endroit où tout ce qui l’entoure devient une pratique de tous les jours.',

  'tour.step.axis:senior-leaders:business-unit-leaders.title': 'Direction générale et responsables de business units',
  'tour.step.axis:senior-leaders:business-unit-leaders.body':
    'L’axe vertical traverse le schéma par le milieu, de la direction générale en haut aux responsables de business units en bas. Ce sont les premiers orchestrateurs de l’écosystème.\n\n' +
    'Tous deux ont besoin de la vue intégrée. La direction générale fixe le cap et décide, pour toute l’organisation, qui fait quel travail. Les responsables de business units assemblent salariés et contributeurs externes en équipes qui livrent des résultats.\n\n' +
    'Chaque hexagone passe par eux deux.',

  'tour.step.axis:hr:procurement.title': 'RH et achats',
  'tour.step.axis:hr:procurement.body':
    'L’axe horizontal supérieur relie les RH, à gauche, aux achats, à droite : les fonctions qui donnent à l’organisation accès aux contributeurs et qui les gèrent.\n\n' +
    'Traditionnellement, les RH s’occupent des salariés et les achats des fournisseurs et des prestataires. Dans un écosystème orchestré, elles partagent une vue de tous les talents, pour qu’un manager qui cherche une compétence voie toutes les façons de l’obtenir.',

  'tour.step.axis:it:finance-legal.title': 'Informatique, finance et juridique',
  'tour.step.axis:it:finance-legal.body':
    'L’axe horizontal inférieur relie l’informatique, à gauche, à la finance et au juridique, à droite : les fonctions qui permettent à l’écosystème d’exister et de fonctionner.\n\n' +
    'L’informatique fournit les systèmes, l’accès aux données et les plateformes par lesquels les contributeurs travaillent. La finance alloue les budgets, traite les factures et paie ; le juridique rédige les contrats et pèse les risques de chaque type de relation.\n\n' +
    'Quand ces fonctions ne sont pas alignées, les contributeurs attendent — un accès, un contrat ou un paiement.',

  'tour.generic.whole.title': 'Le cadre d’un coup d’œil',
  'tour.generic.whole.body':
    'Ce cadre place {players} acteurs autour de {themes} anneaux concentriques. La visite parcourt chaque anneau de l’extérieur vers le centre, puis chaque axe et les acteurs à ses extrémités.\n\n' +
    'Chaque case, là où un anneau rencontre le coin d’un acteur, est la part de cet acteur dans ce thème.',
  'tour.generic.kicker.theme': 'Anneau {n} sur {total}, de l’extérieur vers le centre',
  'tour.generic.theme.body': 'Ses cases en surbrillance sont la part de chaque acteur dans « {label} ».',
  'tour.generic.axis.title': '{a} et {b}',
  'tour.generic.axis.body':
    '{a} et {b} se font face aux deux extrémités d’un axe du schéma. Dans chaque anneau, leurs cases montrent où ils doivent travailler ensemble.',
  'tour.generic.axisOne.body':
    '{a} se trouve en haut du schéma, sur l’axe qui passe par son centre. Ses cases sont en surbrillance dans chaque anneau.',

  'blank.title': 'Schéma vierge pour les étudiants',
  'blank.handoutTitle': 'L’écosystème de main-d’œuvre',
  'blank.studentName': 'Nom :',
  'blank.intro':
    'Imprimez le schéma vide pour le distribuer, ou donnez aux étudiants le fichier de modèle vierge à remplir dans l’éditeur. Comparez ensuite leur fichier avec le vôtre.',
  'blank.print': 'Imprimer le support',
  'blank.download': 'Télécharger le modèle vierge (JSON)',
  'blank.scale': 'Inscrivez une note de {min} à {max} dans chaque case : {labels}.',
  'blank.fileName': 'fiche-vierge',

  'compare.title': 'Comparer le fichier d’un étudiant avec celui de l’enseignant',
  'compare.intro':
    'Choisissez le fichier de l’enseignant (la référence) et celui d’un étudiant. Les cases dont les notes diffèrent sont mises en évidence sur le schéma de l’étudiant.',
  'compare.instructor': 'Fichier de l’enseignant',
  'compare.student': 'Fichier de l’étudiant',
  'compare.useCurrent': 'Prendre le modèle de la visite comme fichier de l’enseignant',
  'compare.run': 'Comparer',
  'compare.needBoth': 'Choisissez d’abord les deux fichiers.',
  'compare.needStudent': 'Choisissez d’abord le fichier de l’étudiant.',
  'compare.needInstructor': 'Choisissez d’abord le fichier de l’enseignant, ou utilisez le modèle affiché dans la visite.',
  'compare.summary.one': '{matching} case remplie sur {count} correspond à l’enseignant',
  'compare.summary.other': '{matching} cases remplies sur {count} correspondent à l’enseignant',
  'compare.differ.one': '{count} diffère',
  'compare.differ.other': '{count} diffèrent',
  'compare.blank.one': '{count} laissée vide',
  'compare.blank.other': '{count} laissées vides',
  'compare.extra.one': '{count} notée là où l’enseignant n’a rien noté',
  'compare.extra.other': '{count} notées là où l’enseignant n’a rien noté',
  'compare.sentence': '{parts}.',
  'compare.nothingAnswered': 'Le fichier de l’étudiant ne note encore aucune case.',
  'compare.averaged': 'Vous avez noté par unité et l’étudiant a répondu pour toute l’organisation : chaque réponse est comparée à la moyenne de vos notes sur les unités.',
  'compare.allMatch': 'Toutes les cases correspondent aux notes de l’enseignant.',
  'compare.unitSummary': '{unit} : {summary}.',
  'compare.unanswered': 'Sans aucune réponse : {units}.',
  'compare.unitBlank.one': '{unit} ({count} case notée par l’enseignant)',
  'compare.unitBlank.other': '{unit} ({count} cases notées par l’enseignant)',
  'compare.wholeOrganization': 'Toute l’organisation',
  'compare.unitShown': 'Unité affichée',
  'compare.caption': 'Les nombres sont les notes actuelles de l’étudiant pour {unit} ; les cases encadrées diffèrent de celles de l’enseignant, les cases estompées sont restées vides.',
  'compare.diffHeading': 'Cases notées par l’étudiant, différences d’abord',
  'compare.cell': 'Case',
  'compare.instructorScore': 'Enseignant',
  'compare.studentScore': 'Étudiant',
  'compare.verdict': 'Résultat',
  'compare.verdict.differs': 'Diffère',
  'compare.verdict.matches': 'Correspond',
  'compare.verdict.extra': 'Laissée vide par l’enseignant',
  'compare.withTarget': '{current}, cible {target}',
  'compare.none': '—',
  'compare.readiness': 'Maturité globale : enseignant {a}, étudiant {b}.',
  'compare.notAssessed': 'non évalué',
  'compare.error': '{who} : {message}',

  'export.title': 'Exporter et importer',
  'export.intro': 'Les fichiers sont produits dans votre navigateur ; rien n’est envoyé nulle part.',
  'export.html': 'HTML autonome',
  'export.htmlHint': 'Schéma, maturité, constats et modèle dans un seul fichier qui s’ouvre hors ligne.',
  'export.reportHtml': 'Rapport (HTML)',
  'export.reportMd': 'Rapport (Markdown)',
  'export.csv': 'Évaluations (CSV)',
  'export.csvImport': 'Importer des évaluations depuis un CSV…',
  'export.csvImported': '{count} évaluations importées depuis {file}.',
  'export.csvErrors': 'Le CSV n’a pas été importé. Corrigez ces points et réessayez :',
  'export.csvRefused': 'Le CSV n’a pas été importé ; ses problèmes sont listés sous le bouton d’import.',
  'export.csvMoreErrors': '… et {count} autres problèmes, non listés.',
  'export.overlay': 'Le schéma montre',
  'export.print': 'Imprimer',

  'teach.overlay.none': 'Noms seulement',
  'teach.overlay.current': 'Notes actuelles',
  'teach.overlay.target': 'Notes cibles',
  'teach.overlay.gap': 'Écarts',

  'class.title': 'La photo de la classe',
  'class.intro':
    'Ouvrez d’un coup les réponses de plusieurs étudiants : elles sont fusionnées en une seule photo de la classe, chaque case portant la moyenne des étudiants qui l’ont évaluée, colorée selon leur accord, à côté des scores de l’enseignant. Une réponse d’un autre cadre, ou une deuxième réponse du même étudiant avec d’autres scores, est listée et laissée de côté ; les autres sont fusionnées. Un étudiant est nommé par le nom de son modèle, ou par le nom de son fichier s’il a gardé celui de la fiche.',
  'class.files': 'Réponses des étudiants…',
  'class.chosen.one': '{count} fichier choisi',
  'class.chosen.other': '{count} fichiers choisis',
  'class.merged.one': '{count} réponse dans la photo de la classe',
  'class.merged.other': '{count} réponses dans la photo de la classe',
  'class.same.one': '{count} identique à une autre, comptée une fois',
  'class.same.other': '{count} identiques à d’autres, comptées une fois',
  'class.refused.one': '{count} refusée',
  'class.refused.other': '{count} refusées',
  'class.partsJoin': ' ; ',
  'class.refusedTitle': 'Réponses laissées de côté',
  'class.because': '— {message}',
  'class.tooLarge': 'plus de 10 Mo : non lu',
  'class.needInstructor': 'Choisissez d’abord le fichier de l’enseignant, ou utilisez le modèle affiché dans la visite.',
  'class.disagreementsTitle': 'Là où les étudiants divergent',
  'class.noDisagreement': 'Aucune case n’a d’étudiants à deux niveaux d’écart ou plus.',
  'class.instructorDiagram': 'Le diagramme de l’enseignant',
  'class.instructorCaption': 'Les scores actuels de l’enseignant',
  'class.classDiagram': 'La photo de la classe : accord',
  'class.classCaption': 'La classe : accord des étudiants dans chaque case',
};
