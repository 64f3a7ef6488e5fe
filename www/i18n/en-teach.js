// English strings of the classroom page, the tour, exports and CSV. One entry
// per key; `{name}` marks a parameter. Paragraphs of the tour are separated by
// a blank line ("\n\n"). The coordinator folds this file into en.js.
export default {
  'lang.label': 'Language',

  'teach.pageTitle': 'Teaching the workforce ecosystem framework',
  'teach.title': 'Teaching the framework',
  'teach.nav': 'Classroom views',
  'teach.tab.tour': 'Tour',
  'teach.tab.blank': 'Blank diagram',
  'teach.tab.compare': 'Compare',
  'teach.tab.export': 'Export',
  'teach.backToEditor': 'Open the editor',
  'teach.model': 'Model',
  'teach.modelSample': 'Sample organization',
  'teach.modelLoad': 'Load a model file…',
  'teach.modelLoaded': 'Loaded “{name}”.',
  'teach.modelKept': 'Kept from before the page was reloaded: “{name}”.',
  'teach.modelNotKept': 'The browser would not keep it: if the page is reloaded, load the file again.',
  'teach.modelLost': 'The model shown before the page was reloaded could not be opened again ({message}): the sample is shown; load your file again.',
  'teach.modelError': 'This file cannot be used: {message}',
  'teach.loading': 'Loading…',
  'teach.diagram': 'Framework diagram',

  'tour.start': 'Start the tour',
  'tour.stage': 'The tour’s slide',
  'tour.presenter': 'Presenter view',
  'tour.leavePresenter': 'Leave presenter view (Esc)',
  'tour.prev': 'Previous',
  'tour.next': 'Next',
  'tour.stepOf': 'Step {n} of {total}',
  'tour.announce': '{step}: {title}',
  'tour.progress': 'Tour progress',
  'tour.goTo': 'Go to step {n}: {title}',
  'tour.keys': '← → to move · Home and End to jump',
  'tour.kicker.whole': 'The whole',
  'tour.kicker.theme': 'Hexagon {n} of {total}, from the outside in',
  'tour.kicker.axis': 'Axis {n} of {total}',

  'tour.scores.thisModel': 'This model',
  'tour.scores.whole': '{name}, shown on the diagram with its current scores: overall readiness {readiness}, over {count} scored cells.',
  'tour.scores.theme': '{name}: readiness of “{label}” is {readiness}.',
  'tour.scores.axis': '{name}, readiness: {players}.',
  'tour.scores.player': '{label} {readiness}',
  'tour.scores.and': ', ',

  'tour.step.whole.title': 'The workforce ecosystem at a glance',
  'tour.step.whole.body':
    'A workforce ecosystem is everyone who creates value with an organization: its own employees, and also contractors and freelancers, gig workers found through digital labor platforms, subcontractors and outsourced service providers, developers who build apps on its platform, and strategic partners.\n\n' +
    'Nobody can command all of them. The ecosystem has to be orchestrated rather than managed, and this diagram shows how. Six organizational players stand around the outside, paired on three axes. Four concentric hexagons, read from the outside in, name what they have to get right together.\n\n' +
    'Each cell, where a hexagon meets a player’s corner, is that player’s share of that theme.',

  'tour.step.theme:leadership.title': 'Leadership approaches',
  'tour.step.theme:leadership.body':
    'The outermost hexagon is about leading people you cannot command. Many of the contributors a business depends on report to nobody inside it.\n\n' +
    'Leaders build a sense of community that crosses the organization’s boundary, influence without formal authority, and extend their inclusion practices — recognition, a voice, fair treatment — to external contributors as well as to employees.\n\n' +
    'A question for the room: whom would a contractor here call their leader?',

  'tour.step.theme:integration.title': 'Integration architectures',
  'tour.step.theme:integration.body':
    'The second hexagon is about functions and business units working together on the ecosystem as a whole, instead of each looking after its own slice.\n\n' +
    'It covers access to external talent (HR and procurement), access to data (IT), contracting (legal), allocations, invoicing and payments (finance), and how strictly the outcomes of third parties are controlled — for example, how rigorously partner apps are tested for compliance.\n\n' +
    'Without it, the same work is bought twice, some work belongs to nobody, functions contradict each other, and third parties receive mixed messages.',

  'tour.step.theme:technology.title': 'Technology enablers',
  'tour.step.theme:technology.body':
    'The third hexagon is the information systems and data that make every kind of contributor visible.\n\n' +
    'In most organizations the picture is fragmented: one system tracks contract labor for one function, another follows the developer ecosystem, a third knows the distribution subcontractors — and they do not talk to each other.\n\n' +
    'Orchestration needs one connected view: who contributes, through which relationship, at what cost and with what result.',

  'tour.step.theme:management.title': 'Management practices',
  'tour.step.theme:management.body':
    'At the centre are the everyday practices of working with contributors, and they reach beyond the employee life cycle of acquire, develop and retain.\n\n' +
    'Managers look for talent wherever it is, inside or outside the organization, and engage individuals and organizations through many kinds of relationship: employment, contracts, digital labor platforms, open interfaces and app stores.\n\n' +
    'The centre is where everything around it turns into daily practice.',

  'tour.step.axis:senior-leaders:business-unit-leaders.title': 'Senior leaders and business unit leaders',
  'tour.step.axis:senior-leaders:business-unit-leaders.body':
    'The vertical axis runs through the middle of the diagram, from senior leaders at the top to business unit leaders at the bottom. They are the primary orchestrators of the ecosystem.\n\n' +
    'Both need the integrated view. Senior leaders set direction and decide, across the whole organization, which work is done by whom. Business unit leaders combine employees and external contributors into teams that deliver.\n\n' +
    'Every hexagon passes through both of them.',

  'tour.step.axis:hr:procurement.title': 'HR and procurement',
  'tour.step.axis:hr:procurement.body':
    'The upper horizontal axis joins HR on the left and procurement on the right: the functions that give the organization access to contributors and manage them.\n\n' +
    'HR has traditionally looked after employees, procurement after suppliers and contract labor. In an orchestrated ecosystem they work from a shared view of all talent, so that a manager looking for a skill sees every route to it.',

  'tour.step.axis:it:finance-legal.title': 'IT and finance & legal',
  'tour.step.axis:it:finance-legal.body':
    'The lower horizontal axis joins IT on the left and finance & legal on the right: the functions that let the ecosystem exist and run.\n\n' +
    'IT provides the systems, data access and platforms through which contributors work. Finance allocates budgets, processes invoices and pays; legal writes the contracts and weighs the risks of each kind of relationship.\n\n' +
    'When they are out of step, contributors wait — for access, for a contract, or for payment.',

  // Frameworks other than the standard one get these generic texts.
  'tour.generic.whole.title': 'The framework at a glance',
  'tour.generic.whole.body':
    'This framework places {players} players around {themes} concentric rings. The tour visits each ring from the outside in, then each axis and the players at its ends.\n\n' +
    'Each cell, where a ring meets a player’s corner, is that player’s share of that theme.',
  'tour.generic.kicker.theme': 'Ring {n} of {total}, from the outside in',
  'tour.generic.theme.body': 'Its highlighted cells are each player’s share of “{label}”.',
  'tour.generic.axis.title': '{a} and {b}',
  'tour.generic.axis.body':
    '{a} and {b} sit at opposite ends of one axis of the diagram. Across every ring, their cells show where they have to work together.',
  'tour.generic.axisOne.body':
    '{a} sits at the top of the diagram, on the axis through its centre. Its cells across every ring are highlighted.',

  'blank.title': 'Blank diagram for students',
  'blank.handoutTitle': 'The workforce ecosystem',
  'blank.studentName': 'Name:',
  'blank.intro':
    'Print the empty diagram as a handout, or give students the blank model file to fill in with the editor. Compare their file with yours afterwards.',
  'blank.print': 'Print handout',
  'blank.download': 'Download blank model (JSON)',
  'blank.scale': 'Write a score from {min} to {max} in each cell: {labels}.',
  'blank.fileName': 'blank-worksheet',

  'compare.title': 'Compare a student’s file with the instructor’s',
  'compare.intro':
    'Choose the instructor’s file (the reference) and a student’s file. Cells where the scores differ are highlighted on the student’s diagram.',
  'compare.instructor': 'Instructor’s file',
  'compare.student': 'Student’s file',
  'compare.useCurrent': 'Use the model shown in the tour as the instructor’s file',
  'compare.run': 'Compare',
  'compare.needBoth': 'Choose both files first.',
  'compare.needStudent': 'Choose the student’s file first.',
  'compare.needInstructor': 'Choose the instructor’s file first, or use the model shown in the tour.',
  'compare.summary.one': '{matching} of {count} answered cell matches the instructor',
  'compare.summary.other': '{matching} of {count} answered cells match the instructor',
  'compare.differ.one': '{count} differs',
  'compare.differ.other': '{count} differ',
  'compare.blank.one': '{count} left blank',
  'compare.blank.other': '{count} left blank',
  'compare.extra.one': '{count} scored where the instructor gave no score',
  'compare.extra.other': '{count} scored where the instructor gave no score',
  'compare.sentence': '{parts}.',
  'compare.nothingAnswered': 'The student’s file scores no cell yet.',
  'compare.averaged': 'You scored by unit and the student answered for the whole organization: each answer is compared with your scores averaged over units.',
  'compare.allMatch': 'Every cell matches the instructor’s scores.',
  'compare.unitSummary': '{unit}: {summary}.',
  'compare.unanswered': 'Not answered at all: {units}.',
  'compare.unitBlank.one': '{unit} ({count} cell the instructor scored)',
  'compare.unitBlank.other': '{unit} ({count} cells the instructor scored)',
  'compare.wholeOrganization': 'Whole organization',
  'compare.unitShown': 'Unit shown',
  'compare.caption': 'Numbers are the student’s current scores for {unit}; outlined cells differ from the instructor’s, faded cells were left blank.',
  'compare.diffHeading': 'Cells the student scored, differences first',
  'compare.cell': 'Cell',
  'compare.instructorScore': 'Instructor',
  'compare.studentScore': 'Student',
  'compare.verdict': 'Result',
  'compare.verdict.differs': 'Differs',
  'compare.verdict.matches': 'Matches',
  'compare.verdict.extra': 'Instructor left it blank',
  'compare.withTarget': '{current}, target {target}',
  'compare.none': '—',
  'compare.readiness': 'Overall readiness: instructor {a}, student {b}.',
  'compare.notAssessed': 'not assessed',
  'compare.error': '{who}: {message}',

  'export.title': 'Export and import',
  'export.intro': 'Files are made in your browser; nothing is sent anywhere.',
  'export.html': 'Self-contained HTML',
  'export.htmlHint': 'Diagram, readiness, findings and the model in one file that opens offline.',
  'export.reportHtml': 'Report (HTML)',
  'export.reportMd': 'Report (Markdown)',
  'export.csv': 'Assessments (CSV)',
  'export.csvImport': 'Import assessments from CSV…',
  'export.csvImported': 'Imported {count} assessments from {file}.',
  'export.csvErrors': 'The CSV was not imported. Fix these and try again:',
  'export.csvRefused': 'The CSV was not imported; its problems are listed below the import button.',
  'export.csvMoreErrors': '… and {count} more problems, not listed.',
  'export.overlay': 'Diagram shows',
  'export.print': 'Print',

  'teach.overlay.none': 'Names only',
  'teach.overlay.current': 'Current scores',
  'teach.overlay.target': 'Target scores',
  'teach.overlay.gap': 'Gaps',

  'class.title': 'The class picture',
  'class.intro':
    'Open several students’ answers at once: they are merged into one picture of the class, each cell holding the mean of the students who scored it, coloured by how far they agree, beside the instructor’s scores. An answer for another framework, or a second answer from the same student with other scores, is listed and left out; the rest are merged. A student is named by the name of their model, or by their file’s name when they kept the worksheet’s.',
  'class.files': 'Students’ answers…',
  'class.chosen.one': '{count} file chosen',
  'class.chosen.other': '{count} files chosen',
  'class.merged.one': '{count} answer in the class picture',
  'class.merged.other': '{count} answers in the class picture',
  'class.same.one': '{count} the same as another, counted once',
  'class.same.other': '{count} the same as others, counted once',
  'class.refused.one': '{count} refused',
  'class.refused.other': '{count} refused',
  'class.partsJoin': '; ',
  'class.refusedTitle': 'Answers left out',
  'class.because': '— {message}',
  'class.tooLarge': 'larger than 10 MB: not read',
  'class.needInstructor': 'Choose the instructor’s file first, or use the model shown in the tour.',
  'class.disagreementsTitle': 'Where students disagree',
  'class.noDisagreement': 'No cell has students two scale steps apart or more.',
  'class.instructorDiagram': 'The instructor’s diagram',
  'class.instructorCaption': 'The instructor’s current scores',
  'class.classDiagram': 'The class picture: agreement',
  'class.classCaption': 'The class: how far students agree in each cell',
};
