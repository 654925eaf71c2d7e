"""A synthetic Retex corpus: the real project plus N generated cases and N/10 methods.

Used by the benchmark (``make bench``) and by the search tests, which need a corpus of
realistic size and vocabulary. The output is a complete, buildable project::

    python -m retex.synthetic --cases 1000 --out /tmp/corpus [--seed 1] [--root .]

It copies ``mkdocs.yml``, ``vocabulary.yml``, ``docs/``, ``overrides/``, ``hooks/`` and
the real ``cases/`` and ``methods/`` from the repository, then writes the generated
files beside the real ones. Everything generated is valid against the real schema:
every vocabulary value comes from the copied ``vocabulary.yml`` (the phrase banks
below only hold prose, place names and slugs of vocabulary terms used to pick a
matching term when it exists), every reference points to a published method, dates
are quoted strings. The prose is French, assembled from phrase banks by a seeded
random generator: the same seed gives the same files, byte for byte.

Generated content is fiction: real place names give the search engine a natural
vocabulary, but the situations, figures and people are invented. Nothing here may be
copied into the real ``cases/`` or ``methods/``.

The module knows nothing of MkDocs; it writes files with plain string building (each
YAML string is a JSON string, which is valid YAML) so that 10,000 cases take a couple
of seconds.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import os
import random
import re
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .collection import source_files
from .frontmatter import read_document
from .problems import ContentError
from .schema import MONTHS
from .slugs import fold, slugify
from .vocabulary import Vocabulary, load_vocabulary

ROOT = Path(__file__).resolve().parents[2]
COPIED_FILES = ("mkdocs.yml", "vocabulary.yml")
COPIED_DIRS = ("docs", "overrides", "hooks", "cases", "methods")
IGNORED = shutil.ignore_patterns("__pycache__", "*.egg-info")

# The search tests look for the real cases about these: no generated title may hold them.
FORBIDDEN_IN_TITLES = ("lean startup", "comptoir des services", "assistance numérique")
SOURCE_SITE = "https://exemple.fr"
FIRST_YEAR, LAST_YEAR = 2012, 2025
ALIAS_SHARE = 0.02
MAX_SLUG = 60
WRITE_BATCH = 250  # files handed to a writer thread at once
WRITERS = 1  # one writer thread: more only add contention for the GIL and the directory


class SyntheticError(Exception):
    """A generation that cannot start (output folder not empty, no project root)."""


# --- Phrase banks -----------------------------------------------------------------
#
# Banks are written one item per line. A policy (« @key | name | level slugs ») is
# followed by its items, each introduced by a letter: S services, U users (plural, with
# « les »), L places, O objects of an action, P problems (clauses in the imperfect),
# R results (sentences; {a} > {b}, {k} 2–9, {n} 12–480, {p} 5–60, {q} 70–98), G goals
# (infinitive clauses), D details of the context (sentences). A line starting with « + »
# continues the previous item.

POLICIES = """
@petite-enfance | petite enfance | commune intercommunalite departement
S la direction de la petite enfance
S le service des modes d’accueil
S le relais petite enfance
U les familles
U les parents de jeunes enfants
U les assistantes maternelles
U les professionnelles des crèches
U les futurs parents
L les crèches municipales
L les multi-accueils du territoire
L les lieux d’accueil enfants-parents
O l’attribution des places en crèche
O le guichet unique des modes d’accueil
O l’accueil des familles en recherche de garde
O les commissions d’attribution
O l’information sur les modes de garde
O l’inscription en multi-accueil
P les familles ne savaient pas où en était leur demande de place
P les critères d’attribution des places restaient obscurs pour les parents
P les assistantes maternelles se sentaient isolées et mal informées
P les dossiers d’inscription arrivaient incomplets une fois sur deux
P les parents multipliaient les démarches auprès de guichets différents
P des places restaient vacantes faute de rencontre entre l’offre et la demande
R Le délai de réponse aux familles est passé de {a} à {b} jours
R {n} familles ont testé le nouveau dossier d’inscription avant sa généralisation
R Les critères d’attribution sont désormais publiés et expliqués aux parents
R Le taux d’occupation des multi-accueils a progressé de {k} points
R Un formulaire unique remplace désormais {k} documents différents
G comprendre le parcours des familles en recherche de garde
G clarifier les critères d’attribution des places
G imaginer un accueil unique pour les parents
G tester un nouveau courrier de réponse aux familles
D Le territoire compte plusieurs crèches collectives, une crèche familiale et un réseau
+ d’assistantes maternelles agréées.
D Les demandes de places affluaient surtout au printemps, avant la rentrée de septembre, et
+ saturaient le standard.
D Les puéricultrices et les éducatrices de jeunes enfants jugeaient elles aussi le circuit
+ d’admission opaque.
D La caisse d’allocations familiales, partenaire financier, demandait de mieux documenter les
+ besoins des familles monoparentales.

@eau | eau et assainissement | intercommunalite commune
S la régie des eaux
S le service de l’eau et de l’assainissement
S la direction du cycle de l’eau
U les abonnés
U les usagers du service de l’eau
U les agriculteurs du bassin versant
U les syndics de copropriété
U les fontainiers de la régie
L les stations d’épuration
L les points d’accueil de la régie
L les captages d’eau potable
O la facture d’eau
O le traitement des réclamations des abonnés
O la détection des fuites sur le réseau
O la tarification sociale de l’eau
O la protection des captages
O la relève des compteurs
P la facture d’eau suscitait des réclamations que ni les agents ni les abonnés ne comprenaient
P les fuites sur le réseau représentaient une part importante de l’eau produite
P les ménages modestes peinaient à régler leurs factures
P les relations avec les agriculteurs autour des captages restaient tendues
P les abonnés découvraient les coupures programmées au dernier moment
R Le nombre de réclamations liées à la facture a baissé de {p} % en un an
R Une nouvelle facture, plus lisible, a été testée auprès de {n} abonnés
R Le rendement du réseau a gagné {k} points grâce au repérage des fuites
R {n} foyers bénéficient désormais d’une tarification sociale
R Les abonnés sont prévenus par message des coupures programmées
G rendre la facture d’eau compréhensible
G partager le diagnostic des captages avec les agriculteurs
G imaginer une tarification plus juste
G prévenir les abonnés en cas de coupure
D Le réseau compte plusieurs centaines de kilomètres de canalisations, dont une partie posée avant
+ les années soixante.
D La sécheresse des derniers étés avait conduit la préfecture à prendre des arrêtés de restriction
+ d’usage.
D Les relevés de compteurs se faisaient encore à pied, deux fois par an, dans des regards parfois
+ inondés.
D Les analyses de nitrates et de pesticides approchaient des seuils réglementaires sur deux
+ captages.

@voirie | voirie et espaces publics | commune intercommunalite departement
S la direction de la voirie
S le service des espaces publics
S le centre technique municipal
S la direction des routes
U les riverains
U les commerçants du centre-ville
U les piétons et les cyclistes
U les agents des équipes de voirie
U les personnes à mobilité réduite
L les chantiers de voirie
L les rues du centre ancien
L les abords des écoles
L les routes départementales
O la gestion des signalements sur l’espace public
O l’information des riverains pendant les travaux
O le partage de la voirie aux abords des écoles
O la programmation des travaux de chaussée
O l’entretien des trottoirs
P les signalements de nids-de-poule se perdaient entre plusieurs services
P les riverains apprenaient l’ouverture des chantiers en découvrant les barrières
P les abords des écoles étaient encombrés de voitures aux heures d’entrée
P les équipes de terrain n’avaient aucun retour sur la suite donnée à leurs remarques
P la programmation des travaux reposait sur des tableurs que personne ne partageait
R Le délai moyen de traitement d’un signalement est passé de {a} à {b} jours
R {k} rues scolaires ont été expérimentées à la rentrée
R Les riverains reçoivent désormais un avis de chantier {k} semaines à l’avance
R {n} signalements ont été traités avec le nouvel outil dès la première année
R La carte des travaux est publiée et mise à jour chaque semaine
G cartographier le circuit d’un signalement
G concevoir un avis de chantier compréhensible
G tester une rue scolaire
G hiérarchiser les demandes des riverains
D Le patrimoine routier comprend des chaussées vieillissantes, des ouvrages d’art et des
+ kilomètres de trottoirs étroits.
D Les signalements arrivaient par téléphone, par courriel, au guichet de la mairie et même sur les
+ réseaux sociaux.
D Les parents d’élèves réclamaient depuis longtemps des aménagements pour sécuriser les trajets à
+ pied et à vélo.
D Les équipes de voirie interviennent de nuit comme de jour, par tous les temps, avec un matériel
+ vieillissant.

@dechets | prévention et collecte des déchets | intercommunalite commune
S le service de collecte des déchets
S la direction de la prévention des déchets
S le pôle propreté urbaine
U les habitants des grands ensembles
U les gardiens d’immeuble
U les ripeurs et chauffeurs de collecte
U les usagers des déchèteries
U les commerçants des marchés
L les déchèteries
L les points d’apport volontaire
L les tournées de collecte
O le tri des biodéchets
O l’accueil en déchèterie
O la collecte en habitat collectif
O la réduction des emballages
O la redevance incitative
O la lutte contre les dépôts sauvages
P le tri restait médiocre dans les grands ensembles malgré plusieurs campagnes
P les dépôts sauvages se multipliaient autour des points d’apport
P les files d’attente s’allongeaient aux déchèteries le samedi
P les ripeurs subissaient des incivilités sans pouvoir les signaler
P le passage à la redevance incitative inquiétait une partie des habitants
R Le taux d’erreurs de tri a reculé de {p} % dans les immeubles pilotes
R {n} foyers se sont équipés d’un composteur
R Les dépôts sauvages ont diminué sur {k} des sites suivis
R Un créneau sur rendez-vous réduit l’attente en déchèterie
R Les équipes de collecte disposent d’un outil pour signaler les incidents
G observer les gestes de tri au pied des immeubles
G imaginer une déchèterie plus accueillante
G tester une nouvelle signalétique de tri
G préparer le passage à la redevance incitative
D Les bennes débordaient après chaque week-end prolongé et les encombrants s’entassaient sur les
+ trottoirs.
D La loi imposait désormais la collecte séparée des biodéchets, sans que la façon de s’y prendre
+ soit tranchée.
D Les consignes de tri changeaient d’une commune à l’autre du territoire, ce qui brouillait les
+ messages.
D Le coût de l’incinération augmentait chaque année sous l’effet de la fiscalité sur les activités
+ polluantes.

@action-sociale | action sociale | commune departement etat
S le centre communal d’action sociale
S la direction de l’action sociale
S le service social départemental
S le service insertion
U les allocataires du revenu de solidarité active
U les personnes en situation de précarité
U les travailleurs sociaux
U les bénéficiaires de l’aide alimentaire
U les personnes sans domicile stable
L les maisons des solidarités
L les permanences sociales
L les épiceries solidaires
O le premier accueil social inconditionnel
O l’accompagnement des allocataires du RSA
O l’accès aux droits des personnes isolées
O la domiciliation des personnes sans domicile stable
O l’attribution des aides facultatives
O la lutte contre le non-recours aux droits
P une part importante des personnes éligibles ne demandait pas les aides auxquelles
+ elles avaient droit
P les usagers devaient raconter plusieurs fois leur situation à des interlocuteurs différents
P les travailleurs sociaux passaient plus de temps sur les dossiers qu’auprès des personnes
P les courriers adressés aux allocataires étaient jugés incompréhensibles
P les délais d’instruction des aides facultatives décourageaient les demandeurs
R {n} personnes ont été reçues au premier accueil pendant l’expérimentation
R Les courriers aux allocataires ont été réécrits en langage clair
R Le délai d’instruction des aides est passé de {a} à {b} jours
R Un dossier unique évite désormais aux usagers de répéter leur histoire
R Le taux de non-recours a été mesuré pour la première fois sur le territoire
G écouter les personnes qui ne viennent plus aux rendez-vous
G réécrire les courriers en langage clair
G repérer les situations de non-recours
G imaginer un accueil sans rendez-vous
D Les permanences débordaient le lundi matin, quand arrivaient les courriers de suspension de
+ droits.
D Beaucoup de personnes reçues cumulaient dettes locatives, problèmes de santé et isolement.
D Les associations caritatives, les bailleurs et la caisse d’allocations familiales orientaient
+ chacun à leur manière.
D Les travailleurs sociaux, polyvalents ou spécialisés, réclamaient des temps d’échange sur les
+ situations complexes.

@culture | culture et lecture publique | commune intercommunalite departement region
S le réseau des médiathèques
S la direction de la culture
S le conservatoire
S le musée municipal
S la direction des affaires culturelles
U les lecteurs
U les adolescents
U les publics éloignés de la culture
U les artistes du territoire
U les bibliothécaires
L les médiathèques
L les salles de spectacle
L les musées
L les bibliobus
O les horaires d’ouverture des médiathèques
O l’accueil des adolescents en bibliothèque
O la programmation culturelle hors les murs
O l’éducation artistique et culturelle
O le prêt de livres numériques
O la tarification du conservatoire
P la fréquentation des médiathèques baissait depuis plusieurs années
P les adolescents ne trouvaient pas leur place dans les équipements culturels
P les horaires d’ouverture ne correspondaient plus aux rythmes de vie des habitants
P les habitants des communes rurales n’avaient accès à aucune offre culturelle de proximité
P les inscriptions au conservatoire restaient réservées aux familles les mieux informées
R Les médiathèques ouvrent désormais {k} soirs par semaine
R La fréquentation a progressé de {p} % sur les créneaux élargis
R {n} jeunes ont participé à la programmation d’un festival
R Un espace dédié aux adolescents a été aménagé avec eux
R Le bibliobus dessert {k} communes supplémentaires
G comprendre pourquoi certains publics ne viennent pas
G imaginer de nouveaux horaires avec les usagers
G associer les adolescents à la programmation
G tester une offre culturelle hors les murs
D Le réseau compte une médiathèque centrale, des bibliothèques de quartier et un fonds patrimonial
+ rarement consulté.
D Les collections de bandes dessinées, de mangas et de jeux vidéo attiraient pourtant un public
+ jeune.
D Les compagnies de théâtre et les musiciens locaux cherchaient des lieux de répétition
+ abordables.
D Les enseignants regrettaient que les sorties culturelles se heurtent au coût des transports en
+ car.

@mobilites | mobilités | intercommunalite region commune departement
S l’autorité organisatrice des mobilités
S la direction des transports
S le service mobilités
U les usagers des transports en commun
U les salariés des zones d’activité
U les lycéens
U les personnes âgées non motorisées
U les cyclistes du quotidien
L les lignes de bus
L les gares et pôles d’échanges
L les arrêts de car scolaire
L les aires de covoiturage
O l’information voyageurs
O le transport à la demande
O le réseau de pistes cyclables
O les abonnements scolaires
O le covoiturage domicile-travail
O la desserte des villages
P les horaires du transport à la demande restaient méconnus des habitants
P les salariés des zones d’activité n’avaient pas d’autre choix que la voiture
P les familles jugeaient l’inscription au transport scolaire trop complexe
P les cyclistes signalaient des discontinuités dangereuses du réseau
P l’information voyageurs était dispersée entre plusieurs supports
R La fréquentation du transport à la demande a progressé de {p} %
R {n} salariés se sont inscrits au service de covoiturage
R L’inscription au transport scolaire se fait désormais en une seule étape
R {k} discontinuités cyclables ont été résorbées
R Une fiche horaire unique a remplacé {k} documents
G suivre des trajets réels avec les voyageurs
G repérer les points noirs du réseau cyclable
G simplifier l’inscription au transport scolaire
G tester une ligne à la demande
D Le réseau de bus dessert bien le centre mais laisse les hameaux et les zones d’activité à
+ l’écart.
D Les horaires des cars scolaires et des trains régionaux n’étaient pas coordonnés.
D Les vélos en libre-service et les stationnements sécurisés restaient concentrés près de la gare.
D Les personnes âgées sans voiture dépendaient de leurs voisins pour aller chez le médecin ou au
+ marché.

@urbanisme | urbanisme et aménagement | commune intercommunalite etat
S le service urbanisme
S la direction de l’aménagement
S le service des autorisations du droit des sols
U les pétitionnaires
U les habitants du quartier
U les architectes et maîtres d’œuvre
U les instructeurs
U les propriétaires
L le centre-bourg
L le quartier de la gare
L les friches urbaines
L les zones pavillonnaires
O l’instruction des permis de construire
O la concertation sur le plan local d’urbanisme
O la reconversion d’une friche
O la revitalisation du centre-bourg
O la dématérialisation des autorisations d’urbanisme
P les dossiers de permis de construire arrivaient incomplets et allongeaient les délais
P la concertation sur le plan local d’urbanisme ne mobilisait qu’une poignée d’habitants
P une friche industrielle restait à l’abandon au cœur de la ville
P les commerces du centre-bourg fermaient les uns après les autres
P le passage à la demande en ligne inquiétait les pétitionnaires peu à l’aise avec le numérique
R La part de dossiers complets au premier dépôt a atteint {q} %
R {n} habitants ont participé aux ateliers de concertation
R Un usage temporaire de la friche a été ouvert au public
R {k} commerces ont rouvert en centre-bourg
R Un guide illustré accompagne désormais chaque demande de permis
G suivre le parcours d’un pétitionnaire
G imaginer les usages futurs d’une friche
G associer les habitants au projet de quartier
G simplifier le dossier de demande
D Le plan local d’urbanisme intercommunal était en révision, avec des objectifs de sobriété
+ foncière.
D Les instructeurs traitaient plusieurs centaines de déclarations préalables et de permis chaque
+ année.
D Les architectes des bâtiments de France devaient être consultés pour les projets situés dans le
+ périmètre protégé.
D La zone commerciale de périphérie continuait d’attirer les enseignes au détriment des boutiques
+ du centre.

@rh | ressources humaines | commune intercommunalite departement region etat
S la direction des ressources humaines
S le service formation
S le service de prévention des risques professionnels
U les agents
U les nouveaux arrivants
U les encadrants de proximité
U les agents en reconversion
U les assistants de prévention
L les services techniques
L les directions supports
L les équipes de terrain
O l’accueil des nouveaux agents
O l’entretien professionnel annuel
O le plan de formation
O la prévention de l’usure professionnelle
O l’organisation du télétravail
O le recrutement sur les métiers en tension
P les nouveaux agents se sentaient livrés à eux-mêmes pendant leurs premières semaines
P l’entretien annuel était vécu comme une formalité par les agents comme par les encadrants
P les postes d’auxiliaires et d’agents techniques restaient vacants plusieurs mois
P les reclassements pour raison de santé se faisaient dans l’urgence
P le télétravail avait été généralisé sans que les équipes en redéfinissent les règles
R Un parcours d’intégration en {k} étapes accueille désormais chaque nouvel agent
R {n} agents ont testé la nouvelle trame d’entretien
R Le délai de recrutement est passé de {a} à {b} semaines
R Une charte du télétravail a été rédigée par les équipes elles-mêmes
R {k} agents ont bénéficié d’un accompagnement à la reconversion
G recueillir le vécu des nouveaux arrivants
G repenser la trame de l’entretien annuel
G imaginer des parcours de reconversion
G définir collectivement les règles du télétravail
D La pyramide des âges annonçait de nombreux départs en retraite dans les cinq années à venir.
D Les arrêts de travail liés aux troubles musculosquelettiques pesaient lourdement sur les
+ services techniques.
D La fiche de poste, le livret d’accueil et le badge arrivaient souvent plusieurs semaines après
+ la prise de poste.
D Les encadrants de proximité se sentaient démunis pour conduire les entretiens et accompagner les
+ mobilités.

@marches-publics | commande publique | commune intercommunalite departement region etat
S le service de la commande publique
S la direction des achats
S le pôle juridique et marchés
U les entreprises locales
U les acheteurs
U les prescripteurs des services
U les structures de l’insertion par l’activité économique
U les artisans du territoire
L les services prescripteurs
L les zones artisanales
O la rédaction des cahiers des charges
O l’accès des petites entreprises aux marchés
O les clauses sociales et environnementales
O le sourçage avant les consultations
O le délai de paiement des fournisseurs
P les petites entreprises du territoire ne répondaient plus aux consultations
P les cahiers des charges étaient rédigés dans un langage que seuls les juristes comprenaient
P les clauses environnementales restaient théoriques
P les fournisseurs se plaignaient de délais de paiement trop longs
P les services prescripteurs vivaient la procédure comme une contrainte
R Le nombre de réponses par consultation a doublé en moyenne
R {n} entreprises ont participé aux rencontres de sourçage
R Le délai global de paiement a été ramené de {a} à {b} jours
R Un modèle de cahier des charges en langage clair est désormais partagé
R Des clauses d’insertion figurent dans {p} % des marchés de travaux
G rencontrer les entreprises avant de lancer une consultation
G réécrire un cahier des charges avec ses utilisateurs
G intégrer des critères environnementaux aux achats
G comprendre pourquoi les entreprises ne répondent pas
D Les consultations étaient publiées sur un profil d’acheteur que peu d’artisans consultaient.
D Le règlement de la consultation, le cahier des clauses techniques et les annexes dépassaient
+ souvent cent pages.
D Les critères de notation privilégiaient le prix au détriment de la qualité et des performances
+ environnementales.
D Les achats de fournitures, de prestations intellectuelles et de travaux obéissaient à des
+ circuits différents.

@education | restauration scolaire et éducation | commune departement region
S le service de restauration scolaire
S la direction de l’éducation
S la cuisine centrale
S le service des collèges
S la direction des lycées
U les élèves
U les parents d’élèves
U les agents de restauration
U les animateurs périscolaires
U les enseignants
L les cantines scolaires
L les écoles élémentaires
L les collèges
L les lycées
L les accueils périscolaires
O la pause méridienne
O le gaspillage alimentaire à la cantine
O l’inscription aux activités périscolaires
O l’approvisionnement local de la cuisine centrale
O la cour d’école
O l’entretien des établissements scolaires
P près d’un tiers des repas servis finissait à la poubelle
P la pause méridienne était vécue comme un moment bruyant et épuisant
P les familles devaient inscrire leurs enfants sur trois plateformes différentes
P les producteurs locaux peinaient à accéder à la commande de la cuisine centrale
P les cours d’école, entièrement bitumées, devenaient des fournaises en été
R Le gaspillage alimentaire a baissé de {p} % dans les écoles pilotes
R {k} cours d’école ont été végétalisées avec les élèves
R Un portail unique permet désormais d’inscrire les enfants à toutes les activités
R La part de produits locaux dans les repas a atteint {p} %
R {n} élèves ont participé à la conception de leur cour
G observer la pause méridienne
G mesurer le gaspillage avec les élèves
G concevoir une cour d’école avec ses usagers
G simplifier les inscriptions périscolaires
D Les effectifs scolaires évoluaient de façon contrastée, avec des écoles saturées et d’autres
+ menacées de fermeture.
D Les agents des écoles maternelles jonglaient entre ménage, cantine et accompagnement des
+ enfants.
D La loi imposait une part croissante de produits durables et biologiques dans les repas servis.
D Les parents d’élèves élus au conseil d’école relayaient régulièrement les mêmes inquiétudes.

@sport | sport et équipements sportifs | commune intercommunalite
S le service des sports
S la direction des équipements sportifs
S l’office municipal des sports
U les clubs sportifs
U les pratiquants autonomes
U les éducateurs sportifs
U les femmes éloignées de la pratique sportive
U les gardiens d’équipement
L les gymnases
L les piscines
L les terrains de proximité
L les parcours sportifs en plein air
O l’attribution des créneaux aux clubs
O l’ouverture des équipements aux pratiquants libres
O la pratique sportive des femmes dans les quartiers
O la réservation des équipements
O l’apprentissage de la natation
P l’attribution des créneaux de gymnase reposait sur des habitudes plus que sur les besoins
P les équipements restaient fermés une bonne partie de la semaine
P les femmes des quartiers prioritaires pratiquaient très peu
P trop d’enfants entraient au collège sans savoir nager
P les clubs devaient remplir des dossiers de subvention redondants
R Le taux d’occupation des gymnases a progressé de {p} %
R {n} enfants ont suivi un stage d’apprentissage de la natation
R Un créneau réservé aux femmes a été ouvert dans {k} équipements
R La réservation des équipements se fait désormais en ligne
R Le dossier de subvention aux clubs a été réduit de moitié
G analyser l’occupation réelle des équipements
G rencontrer les pratiquants qui ne viennent pas
G revoir les critères d’attribution des créneaux
G tester une ouverture élargie des gymnases
D Les associations sportives, très nombreuses, occupaient les gymnases du lundi au samedi soir.
D Plusieurs équipements, construits dans les années soixante-dix, étaient énergivores et peu
+ accessibles.
D Les pratiques libres, course à pied, musculation en plein air ou skate, se développaient hors de
+ tout cadre.
D Les maîtres-nageurs manquaient et certains bassins fermaient faute de personnel qualifié.

@etat-civil | état civil et formalités | commune etat
S le service de l’état civil
S le service des titres d’identité
S le bureau des élections
S la mission accueil
U les demandeurs de titres d’identité
U les futurs mariés
U les familles endeuillées
U les usagers étrangers
U les agents d’état civil
L la mairie annexe
L les guichets de la préfecture
L l’espace d’accueil
O les rendez-vous pour les cartes d’identité
O la célébration des mariages
O la déclaration des naissances
O l’accueil des usagers étrangers
O les inscriptions sur les listes électorales
P le délai pour obtenir un rendez-vous de carte d’identité dépassait plusieurs semaines
P les usagers se présentaient souvent sans les pièces nécessaires
P les files d’attente débordaient jusque sur le trottoir
P les familles endeuillées devaient multiplier les démarches au pire moment
P beaucoup de rendez-vous réservés n’étaient pas honorés
R Le délai d’obtention d’un rendez-vous est passé de {a} à {b} jours
R Un rappel envoyé la veille a réduit de {p} % les rendez-vous non honorés
R Une liste de pièces illustrée est remise avec chaque convocation
R {n} usagers ont été reçus sans attente pendant l’expérimentation
R Un interlocuteur unique accompagne désormais les familles endeuillées
G suivre le parcours d’un demandeur de titre
G repenser la liste des pièces à fournir
G imaginer un accueil des familles endeuillées
G désengorger la salle d’attente
D Les dispositifs de recueil des empreintes, peu nombreux, étaient réservés des semaines à
+ l’avance.
D Les habitants des communes voisines venaient aussi déposer leur demande de passeport.
D Les agents d’état civil tenaient aussi les registres, préparaient les élections et recevaient
+ les déclarations de décès.
D Les démarches en ligne avaient réduit le nombre de visites, mais complexifié les cas restants.

@democratie | démocratie locale et budget participatif | commune departement region
S la mission démocratie participative
S la direction de la citoyenneté
S le service vie des quartiers
U les habitants
U les conseils de quartier
U les jeunes de moins de vingt-cinq ans
U les porteurs de projets citoyens
U les associations de quartier
L les maisons de quartier
L les conseils citoyens
L les places de marché
O le budget participatif
O le fonctionnement des conseils de quartier
O la consultation des habitants
O le droit d’interpellation citoyenne
O la restitution des décisions aux habitants
P les conseils de quartier réunissaient toujours les mêmes personnes
P les habitants ne voyaient pas ce que devenaient leurs propositions
P la première édition du budget participatif avait surtout mobilisé les quartiers aisés
P les jeunes restaient absents des instances de participation
P les services craignaient de perdre la maîtrise de leurs projets
R {n} projets ont été déposés lors de la nouvelle édition
R Le vote a mobilisé {p} % de participants de moins de trente ans
R Chaque projet lauréat dispose d’une page de suivi publique
R {k} conseils de quartier ont revu leur mode de fonctionnement
R Un comité d’habitants tirés au sort suit désormais la mise en œuvre
G aller chercher les habitants qui ne participent pas
G définir les règles du budget participatif
G rendre compte des décisions prises
G accompagner les porteurs de projets
D La charte de la participation, adoptée quelques années plus tôt, restait peu connue des
+ services.
D Les réunions publiques se tenaient en soirée, dans des salles où les jeunes parents venaient
+ rarement.
D Les conseils citoyens des quartiers prioritaires s’essoufflaient faute de moyens et de
+ reconnaissance.
D Une plateforme de consultation en ligne avait été ouverte, mais les contributions y restaient
+ rares.

@habitat | habitat et logement | intercommunalite commune departement etat
S le service habitat
S la direction du logement
S le guichet de la rénovation énergétique
U les locataires du parc social
U les demandeurs de logement social
U les propriétaires occupants modestes
U les gardiens d’immeuble
U les copropriétaires
L les résidences du parc social
L les copropriétés dégradées
L le guichet habitat
O la demande de logement social
O la rénovation énergétique des logements
O les réclamations des locataires
O l’attribution des logements sociaux
O la lutte contre l’habitat indigne
P les demandeurs de logement social n’avaient aucune visibilité sur leur dossier
P les aides à la rénovation énergétique restaient un labyrinthe pour les propriétaires
P les réclamations des locataires restaient sans réponse pendant des semaines
P les situations d’habitat indigne étaient repérées trop tard
P les gardiens étaient en première ligne sans outils pour répondre
R Les demandeurs reçoivent désormais un point d’étape tous les {k} mois
R {n} propriétaires ont été accompagnés dans leur projet de rénovation
R Le délai de réponse aux réclamations est passé de {a} à {b} jours
R Un circuit de repérage de l’habitat indigne associe désormais les facteurs et les aides
+ à domicile
R Les gardiens disposent d’une fiche réflexe pour orienter les locataires
G écouter les demandeurs de logement
G simplifier le parcours de rénovation
G repérer les situations d’habitat indigne
G outiller les gardiens d’immeuble
D Le parc social comptait plusieurs milliers de logements, dont une partie en attente de
+ réhabilitation.
D Les passoires thermiques se concentraient dans les maisons anciennes des bourgs et les
+ copropriétés des années soixante.
D Les demandes de mutation des locataires âgés vers des logements plus petits restaient sans
+ suite.
D Les services d’hygiène, les travailleurs sociaux et les bailleurs repéraient chacun des
+ situations sans se les signaler.

@nature-en-ville | espaces verts et nature en ville | commune intercommunalite
S le service des espaces verts
S la direction de la nature en ville
S le service des parcs et jardins
U les jardiniers municipaux
U les riverains des parcs
U les associations de jardins partagés
U les écoles du quartier
U les promeneurs
L les parcs et jardins
L les cimetières
L les jardins partagés
L les pieds d’arbres
O la gestion différenciée des espaces verts
O l’entretien sans pesticides
O la végétalisation des rues
O les jardins partagés
O le plan de plantation d’arbres
P l’abandon des pesticides avait suscité des plaintes d’habitants sur les herbes folles
P les jardiniers vivaient la gestion différenciée comme un retour en arrière
P les demandes de jardins partagés dépassaient largement l’offre
P les îlots de chaleur se multipliaient dans les quartiers denses
P les arbres plantés dépérissaient faute d’arrosage les premières années
R {n} arbres ont été plantés avec les habitants
R Les plaintes liées à l’enherbement ont baissé de {p} %
R {k} jardins partagés ont été ouverts
R Un permis de végétaliser permet aux habitants d’entretenir les pieds d’arbres
R Les jardiniers ont rédigé eux-mêmes le guide de gestion différenciée
G expliquer la gestion différenciée aux habitants
G cartographier les îlots de chaleur
G imaginer un permis de végétaliser
G valoriser le savoir-faire des jardiniers
D Les parcs, les alignements d’arbres et les cimetières représentaient des dizaines d’hectares à
+ entretenir.
D Les jardiniers avaient dû apprendre à désherber sans produits chimiques, à la main ou à la
+ vapeur.
D Les canicules successives avaient fait grimper la température des cours et des places minérales.
D Les habitants réclamaient à la fois plus de nature et des espaces verts impeccablement tondus.

@tranquillite | prévention et tranquillité publique | commune intercommunalite etat
S la police municipale
S le service de prévention de la délinquance
S le service de médiation sociale
U les médiateurs de nuit
U les commerçants
U les habitants des quartiers prioritaires
U les jeunes en errance
U les bailleurs sociaux
L les halls d’immeuble
L les abords des gares
L les centres commerciaux
O la médiation de nuit
O la gestion des conflits de voisinage
O la prévention des rixes entre jeunes
O le traitement des nuisances sonores
O la coordination entre police municipale et bailleurs
P les conflits de voisinage remontaient tous au cabinet du maire
P les médiateurs et les policiers municipaux ne partageaient aucune information
P les nuisances nocturnes exaspéraient les riverains du centre-ville
P les rixes entre jeunes de quartiers voisins se répétaient
P les habitants ne savaient pas à qui s’adresser en cas de problème
R {n} conflits de voisinage ont été traités par la médiation
R Une cellule de veille réunit chaque mois médiateurs, policiers et bailleurs
R Les interventions pour nuisances ont baissé de {p} %
R Un numéro unique oriente désormais les habitants
R {k} médiateurs ont été formés à la gestion des conflits
G comprendre ce que vivent les médiateurs de nuit
G clarifier le rôle de chacun
G imaginer un numéro unique
G prévenir les conflits d’usage
D Les appels pour tapage nocturne se concentraient sur quelques rues et quelques nuits d’été.
D Les médiateurs travaillaient en horaires décalés, souvent sans lien avec les éducateurs de
+ prévention spécialisée.
D Les commerçants du centre se plaignaient des regroupements devant les vitrines à la fermeture.
D La vidéoprotection, souvent présentée comme la solution, ne répondait pas aux conflits du
+ quotidien.

@autonomie | autonomie et grand âge | commune departement
S le service autonomie
S le centre local d’information et de coordination
S la direction du grand âge
S le service d’aide à domicile
U les personnes âgées isolées
U les aidants familiaux
U les aides à domicile
U les résidents d’établissement
U les personnes en situation de handicap
L les résidences autonomie
L les maisons de retraite
L les domiciles des bénéficiaires
O l’allocation personnalisée d’autonomie
O le repérage des personnes âgées isolées
O le soutien aux aidants
O le maintien à domicile
O l’accès aux droits des personnes handicapées
P l’instruction de l’allocation personnalisée d’autonomie prenait plusieurs mois
P les aidants familiaux s’épuisaient sans connaître les aides existantes
P les personnes âgées isolées n’étaient repérées qu’en période de canicule
P les aides à domicile quittaient le métier au bout de quelques mois
P les dossiers adressés à la maison des personnes handicapées étaient sans cesse renvoyés
R Le délai d’instruction est passé de {a} à {b} semaines
R {n} aidants ont participé aux cafés des aidants
R Un registre des personnes isolées est tenu toute l’année
R Les départs d’aides à domicile ont reculé de {p} %
R Un formulaire simplifié a été conçu avec des personnes concernées
G comprendre le quotidien des aidants
G suivre un dossier d’allocation de bout en bout
G repérer les personnes isolées
G rendre le métier d’aide à domicile plus attractif
D La part des plus de soixante-quinze ans augmentait rapidement, notamment dans les communes
+ rurales.
D Les services d’aide et d’accompagnement à domicile peinaient à recruter malgré des besoins
+ croissants.
D Les évaluateurs médico-sociaux se déplaçaient à domicile pour chaque demande d’allocation.
D Les familles découvraient les solutions de répit ou d’accueil de jour trop tard, souvent à
+ l’occasion d’une hospitalisation.

@numerique | numérique et systèmes d’information | commune intercommunalite departement region etat
S la direction des systèmes d’information
S la mission numérique
S le service informatique
S la délégation au numérique
U les agents
U les usagers des démarches en ligne
U les conseillers numériques
U les agents des services supports
U les habitants peu familiers du numérique
L les espaces publics numériques
L les maisons France services
L les postes de travail des agents
O les démarches en ligne
O le portail citoyen
O l’accompagnement au numérique
O l’outil de gestion des demandes internes
O l’ouverture des données publiques
O le renouvellement du parc informatique
P les démarches en ligne étaient abandonnées à mi-parcours par une majorité d’usagers
P les agents jonglaient entre une dizaine de logiciels qui ne communiquaient pas
P les demandes d’aide informatique s’accumulaient sans priorité claire
P les données produites par les services dormaient dans des tableurs
P une partie des habitants restait à l’écart des services en ligne
R Le taux d’abandon des démarches en ligne a baissé de {p} %
R {n} habitants ont été accompagnés par les conseillers numériques
R {k} jeux de données ont été publiés en données ouvertes
R Le délai de traitement des demandes internes est passé de {a} à {b} jours
R Un catalogue des applications aide les agents à s’y retrouver
G observer des usagers pendant une démarche en ligne
G cartographier les outils des agents
G définir les priorités d’ouverture des données
G accompagner les habitants éloignés du numérique
D La collectivité utilisait plusieurs dizaines d’applications métiers, certaines développées en
+ interne il y a vingt ans.
D Les conseillers numériques tenaient des permanences dans les médiathèques, les centres sociaux
+ et les mairies annexes.
D Les formulaires en ligne reprenaient à l’identique les formulaires papier, rubrique par
+ rubrique.
D La sécurité informatique était devenue une préoccupation majeure après une tentative de
+ rançongiciel.

@finances | finances et budget | commune intercommunalite departement region etat
S la direction des finances
S le service du budget
S le contrôle de gestion
U les gestionnaires budgétaires
U les élus de la commission des finances
U les directeurs de service
U les contribuables
U les fournisseurs
L les services gestionnaires
L la commission des finances
O la préparation budgétaire
O la présentation du budget aux habitants
O le circuit des factures
O le dialogue de gestion avec les services
O la fiscalité locale
P la préparation budgétaire mobilisait les services pendant des mois pour un résultat
+ reconduit à l’identique
P le budget présenté aux habitants restait illisible
P les factures circulaient d’un bureau à l’autre pendant des semaines
P les directeurs découvraient leurs enveloppes sans en comprendre la logique
P les élus recevaient des documents trop volumineux pour être lus
R La préparation budgétaire a été raccourcie de {k} semaines
R Un budget illustré de {k} pages a été diffusé à tous les foyers
R Le circuit des factures compte désormais {k} étapes au lieu de {a}
R {n} habitants ont assisté à la présentation publique du budget
R Chaque direction dispose d’un tableau de bord mensuel
G rendre le budget lisible
G simplifier le circuit des factures
G revoir le dialogue de gestion
G associer les habitants aux choix budgétaires
D Les dotations de l’État stagnaient tandis que les dépenses d’énergie et de personnel
+ augmentaient.
D Le rapport d’orientation budgétaire était présenté en conseil sous forme de tableaux serrés.
D Le mandatement des factures passait par plusieurs signatures et un logiciel financier
+ vieillissant.
D Les autorisations de programme et les crédits de paiement restaient un mystère pour la plupart
+ des directeurs.

@emploi | emploi et insertion | departement intercommunalite etat region
S le service insertion
S la maison de l’emploi
S le plan local pour l’insertion et l’emploi
S la mission locale
U les demandeurs d’emploi de longue durée
U les jeunes sans qualification
U les employeurs du territoire
U les conseillers en insertion
U les bénéficiaires du RSA
L les chantiers d’insertion
L les forums de l’emploi
L les agences locales
O l’accompagnement vers l’emploi
O le rapprochement entre employeurs et candidats
O l’orientation des jeunes sans diplôme
O les chantiers d’insertion
O la levée des freins à l’emploi
P les employeurs ne parvenaient pas à recruter alors que de nombreux candidats attendaient
P les jeunes décrochaient de l’accompagnement après quelques rendez-vous
P les freins périphériques à l’emploi, garde d’enfants et mobilité, n’étaient pas traités
P les conseillers croulaient sous les tâches administratives
P les parcours d’insertion s’arrêtaient à la fin des contrats aidés
R {n} personnes ont retrouvé un emploi ou une formation
R Le délai entre l’inscription et le premier rendez-vous est passé de {a} à {b} jours
R {k} employeurs se sont engagés dans des recrutements sans curriculum vitae
R La part des jeunes allant au bout de l’accompagnement a atteint {q} %
R Un garage solidaire lève désormais le frein de la mobilité
G rencontrer les employeurs qui peinent à recruter
G comprendre pourquoi les jeunes décrochent
G imaginer un recrutement sans curriculum vitae
G lever les freins à l’emploi
D Le bassin d’emploi comptait de nombreuses offres non pourvues dans le bâtiment, la restauration
+ et l’aide à la personne.
D Les référents de parcours suivaient chacun plus d’une centaine de personnes.
D Le manque de modes de garde et de transports empêchait de nombreux parents d’accepter un emploi.
D Les entreprises d’insertion et les associations intermédiaires cherchaient de nouveaux
+ débouchés.

@sante | santé | commune departement
S le service des urgences
S le centre municipal de santé
S le service de santé publique
U les patients
U les soignants
U les familles de patients
U les médecins généralistes
U les brancardiers
L les urgences
L les consultations externes
L les maisons de santé pluriprofessionnelles
O l’accueil aux urgences
O la sortie d’hospitalisation
O l’accès aux médecins généralistes
O la prise de rendez-vous en consultation
O la prévention auprès des jeunes
P l’attente aux urgences était vécue comme une épreuve sans information
P les sorties d’hospitalisation se décidaient le jour même, sans préparation
P de nombreux habitants n’avaient plus de médecin traitant
P les patients ne comprenaient pas les courriers de convocation
P les soignants manquaient de temps pour informer les familles
R Un écran informe désormais les patients du temps d’attente estimé
R {n} patients ont répondu à l’enquête de satisfaction
R La sortie est préparée {k} jours à l’avance pour les séjours programmés
R {k} médecins se sont installés au centre municipal de santé
R Les courriers de convocation ont été réécrits avec des patients
G vivre l’attente du point de vue des patients
G préparer la sortie d’hospitalisation
G réécrire les courriers aux patients
G attirer des médecins sur le territoire
D Le départ en retraite de plusieurs médecins n’avait pas été compensé, et le territoire devenait
+ un désert médical.
D Les passages aux urgences augmentaient chaque hiver, avec des pics lors des épidémies de grippe
+ et de bronchiolite.
D Les infirmiers coordinateurs passaient une partie de leur journée au téléphone à chercher des
+ places d’aval.
D Les actions de prévention, dépistage, vaccination ou nutrition, touchaient peu les quartiers
+ populaires.

@climat | énergie et climat | commune intercommunalite departement region etat
S le service énergie
S la direction de la transition écologique
S le service du patrimoine bâti
U les occupants des bâtiments publics
U les gestionnaires de bâtiments
U les habitants
U les élus
U les entreprises du territoire
L les bâtiments publics
L les écoles
L les gymnases
L les bureaux administratifs
O la sobriété énergétique des bâtiments publics
O le plan climat
O l’éclairage public
O les consommations d’énergie des écoles
O l’adaptation au changement climatique
P la facture énergétique des bâtiments publics avait doublé en deux ans
P le plan climat restait un document que personne n’avait lu
P l’éclairage public fonctionnait toute la nuit dans des zones désertes
P les occupants des bâtiments n’avaient aucune idée de leurs consommations
P les épisodes de canicule rendaient certains bureaux inutilisables
R Les consommations d’énergie ont baissé de {p} % dans les bâtiments pilotes
R L’éclairage public est éteint au cœur de la nuit dans {k} quartiers
R {n} agents se sont engagés dans un défi d’économies d’énergie
R Le plan climat a été traduit en {k} engagements concrets
R Une carte des lieux frais a été publiée pour l’été
G rendre visibles les consommations d’énergie
G associer les occupants aux économies
G traduire le plan climat en actions
G adapter les bâtiments aux fortes chaleurs
D Le patrimoine bâti comptait des écoles, des gymnases et des bureaux chauffés au fioul ou au gaz.
D Les données de consommation existaient, relevées chaque mois, mais personne ne les exploitait.
D Les élus venaient d’adopter un plan de sobriété à la suite de la hausse des prix de l’énergie.
D Les agents des services techniques connaissaient les chaufferies mieux que quiconque, sans être
+ consultés.

@accueil | accueil des usagers | commune intercommunalite departement region etat
S le service accueil
S la direction de la relation aux usagers
S le standard
S la maison France services
U les usagers
U les agents d’accueil
U les personnes allophones
U les personnes malentendantes
U les seniors
L l’hôtel de ville
L les mairies de quartier
L les accueils de proximité
L le hall d’accueil
O l’accueil physique et téléphonique
O la signalétique des bâtiments
O la réponse aux courriels des usagers
O l’orientation des usagers
O les horaires d’ouverture des guichets
P les usagers erraient dans les couloirs faute de signalétique claire
P un appel sur deux au standard restait sans réponse
P les agents d’accueil ne savaient pas toujours vers qui orienter les demandes
P les courriels des usagers attendaient parfois un mois avant une réponse
P les horaires des guichets ne convenaient pas aux personnes qui travaillent
R Le taux d’appels décrochés a atteint {q} %
R Une nouvelle signalétique a été conçue avec des usagers
R Les courriels reçoivent une réponse sous {k} jours ouvrés
R {n} usagers ont été interrogés à la sortie des guichets
R Les guichets ouvrent désormais un soir par semaine
G suivre des usagers de l’entrée à la sortie
G repenser la signalétique
G outiller les agents d’accueil
G définir des engagements de service
D L’accueil général recevait chaque jour des centaines de visiteurs et d’appels sur des sujets
+ très variés.
D Les agents d’accueil, souvent contractuels, changeaient fréquemment et se formaient sur le tas.
D La signalétique datait de la construction du bâtiment et renvoyait vers des bureaux qui avaient
+ déménagé.
D Les usagers en situation de handicap rencontraient des obstacles dès la porte d’entrée.

@alimentation | alimentation et agriculture | intercommunalite departement region etat
S le service agriculture
S la mission alimentation
S le service du projet alimentaire territorial
U les agriculteurs
U les producteurs locaux
U les cuisiniers de la restauration collective
U les consommateurs
U les épiceries solidaires
L les marchés de plein vent
L les exploitations agricoles
L les cuisines collectives
O le projet alimentaire territorial
O l’approvisionnement local de la restauration collective
O l’installation de jeunes agriculteurs
O les circuits courts
O la lutte contre la précarité alimentaire
P les producteurs locaux vendaient presque tout hors du territoire
P les jeunes agriculteurs ne trouvaient pas de terres pour s’installer
P les cuisiniers ignoraient ce que produisaient les fermes voisines
P la précarité alimentaire touchait un nombre croissant d’étudiants et de familles
P le projet alimentaire territorial peinait à passer de la charte aux actes
R {k} jeunes agriculteurs ont été installés sur des terres publiques
R La part de produits locaux servis a atteint {p} %
R {n} familles ont bénéficié de paniers solidaires
R Une plateforme met en relation producteurs et cuisiniers
R Un marché de producteurs se tient désormais chaque semaine
G rencontrer les producteurs et les cuisiniers
G cartographier les terres disponibles
G imaginer une plateforme de circuits courts
G lutter contre la précarité alimentaire
D La surface agricole reculait chaque année sous la pression de l’urbanisation.
D Les cantines, les maisons de retraite et l’hôpital représentaient ensemble un débouché
+ considérable.
D Les maraîchers, éleveurs et arboriculteurs du territoire vieillissaient sans repreneur.
D Les épiceries sociales et les banques alimentaires voyaient arriver de nouveaux publics, dont
+ des retraités.

@secours | secours et sécurité civile | departement etat
S le centre de traitement de l’alerte
S le service de sécurité civile
S le groupement des sapeurs-pompiers volontaires
U les sapeurs-pompiers volontaires
U les opérateurs du centre d’appels
U les employeurs de volontaires
U les maires des petites communes
U les habitants exposés aux risques
L les centres d’incendie et de secours
L les communes exposées aux inondations
L les massifs boisés
O le recrutement des sapeurs-pompiers volontaires
O le traitement des appels d’urgence
O l’information préventive sur les risques
O le plan communal de sauvegarde
O la culture du risque
P le nombre de sapeurs-pompiers volontaires baissait d’année en année
P les opérateurs recevaient de nombreux appels qui ne relevaient pas de l’urgence
P les habitants ignoraient les consignes en cas d’inondation
P les plans communaux de sauvegarde dormaient dans les tiroirs des mairies
P les employeurs rechignaient à libérer leurs salariés volontaires
R {n} nouveaux volontaires ont été recrutés en un an
R Un exercice grandeur nature a testé le plan de sauvegarde de {k} communes
R Les appels non urgents ont diminué de {p} %
R Un guide des consignes a été distribué à tous les foyers exposés
R {k} entreprises ont signé une convention de disponibilité
G comprendre pourquoi les volontaires s’engagent ou renoncent
G tester le plan communal de sauvegarde
G informer les habitants sur les risques
G désengorger le centre d’appels
D Les centres de secours ruraux reposaient presque entièrement sur les sapeurs-pompiers
+ volontaires.
D Les interventions pour secours à personne représentaient désormais l’essentiel de l’activité.
D Les épisodes de crues, de feux de forêt et de tempêtes se multipliaient depuis dix ans.
D Les maires des petites communes ne savaient pas toujours comment déclencher leur plan de
+ sauvegarde.

@vie-etudiante | vie étudiante | region
S le service de la vie étudiante
S la bibliothèque universitaire
S le service de santé étudiante
U les étudiants
U les étudiants étrangers
U les enseignants-chercheurs
U les personnels administratifs
U les étudiants salariés
L les bibliothèques universitaires
L les résidences étudiantes
L les campus
O l’accueil des étudiants étrangers
O les horaires des bibliothèques universitaires
O la santé mentale des étudiants
O l’inscription administrative
O la vie de campus
P les étudiants étrangers arrivaient sans logement ni repères
P l’inscription administrative imposait des files d’attente interminables à la rentrée
P les étudiants salariés ne pouvaient pas fréquenter la bibliothèque aux heures d’ouverture
P les signes de détresse psychologique se multipliaient
P les campus se vidaient en dehors des heures de cours
R Un guichet unique accueille les étudiants étrangers pendant {k} semaines à la rentrée
R La bibliothèque ouvre désormais {k} heures de plus par semaine
R {n} étudiants ont participé aux ateliers de conception
R L’inscription se fait entièrement en ligne, avec une aide sur place
R Des étudiants relais ont été formés au repérage de la détresse
G accueillir les étudiants étrangers
G repenser les horaires de la bibliothèque
G prévenir la détresse étudiante
G simplifier l’inscription administrative
D Le nombre d’étudiants avait fortement augmenté en dix ans, sans que les services suivent le même
+ rythme.
D Les résidences universitaires affichaient complet dès le mois de juillet.
D Les étudiants boursiers, souvent salariés, cumulaient petits emplois et cours en présentiel.
D Les associations étudiantes proposaient de nombreuses initiatives, mal connues de
+ l’administration.

@protection-enfance | protection de l’enfance | departement
S l’aide sociale à l’enfance
S la cellule de recueil des informations préoccupantes
S le service de l’accueil familial
U les enfants confiés
U les assistants familiaux
U les éducateurs de l’aide sociale à l’enfance
U les jeunes majeurs sortant de l’aide sociale à l’enfance
U les parents d’enfants placés
L les maisons d’enfants à caractère social
L les familles d’accueil
L les foyers de l’enfance
O le traitement des informations préoccupantes
O l’accompagnement des jeunes majeurs
O le recrutement d’assistants familiaux
O le projet pour l’enfant
O les visites médiatisées
P les informations préoccupantes s’accumulaient sans être évaluées dans les délais
P les jeunes sortant de l’aide sociale à l’enfance à dix-huit ans se retrouvaient sans solution
P le nombre d’assistants familiaux diminuait chaque année
P les enfants confiés changeaient trop souvent de lieu d’accueil
P le projet pour l’enfant restait un document administratif rarement partagé avec les familles
R Le délai d’évaluation des informations préoccupantes est passé de {a} à {b} jours
R {k} jeunes majeurs bénéficient d’un contrat d’accompagnement jusqu’à vingt et un ans
R {n} candidatures d’assistants familiaux ont été reçues après la campagne
R Le projet pour l’enfant est désormais rédigé avec l’enfant et ses parents
R Un parrainage associe chaque jeune sortant à un adulte bénévole
G écouter les jeunes sortis de l’aide sociale à l’enfance
G revoir le circuit des informations préoccupantes
G valoriser le métier d’assistant familial
G préparer la sortie des jeunes majeurs
D Les éducateurs référents suivaient chacun une trentaine d’enfants, dispersés sur tout le
+ département.
D Les juges des enfants, les établissements et les familles d’accueil se coordonnaient par
+ courrier.
D Les jeunes concernés avaient rarement été consultés sur leur propre parcours.
D La loi renforçait les obligations du département en matière de protection de l’enfance sans
+ moyens supplémentaires.

@tourisme | tourisme | intercommunalite commune departement region
S l’office de tourisme
S le service du développement touristique
S l’agence d’attractivité
U les visiteurs
U les hébergeurs
U les restaurateurs
U les saisonniers
U les habitants des sites très fréquentés
L les offices de tourisme
L les sentiers de randonnée
L les sites naturels
L les campings municipaux
O l’accueil des visiteurs
O la saison touristique
O la fréquentation des sites naturels
O le logement des saisonniers
O la taxe de séjour
P les sites naturels les plus connus étaient saturés l’été tandis que d’autres restaient déserts
P les saisonniers ne trouvaient pas à se loger à un prix raisonnable
P l’office de tourisme voyait sa fréquentation chuter au profit des recherches sur téléphone
P les habitants supportaient de plus en plus mal l’afflux estival
P la collecte de la taxe de séjour auprès des meublés restait lacunaire
R La fréquentation s’est mieux répartie entre {k} sites
R {n} saisonniers ont été logés grâce à une plateforme dédiée
R Un accueil mobile va désormais au-devant des visiteurs
R Le produit de la taxe de séjour a progressé de {p} %
R Une charte de bonne conduite a été signée par {n} hébergeurs
G observer les parcours des visiteurs
G imaginer un accueil hors les murs
G trouver des solutions de logement pour les saisonniers
G concilier tourisme et vie locale
D Le territoire voit sa population doubler pendant l’été, entre juillet et la fin août.
D Les meublés de tourisme proposés sur les plateformes en ligne s’étaient multipliés en quelques
+ années.
D Les parkings des sites naturels débordaient dès dix heures du matin.
D Les restaurateurs peinaient à recruter cuisiniers et serveurs pour la saison.

@patrimoine | archives et patrimoine | commune departement region etat
S le service des archives
S la direction du patrimoine
S le service de l’inventaire
S les archives départementales
U les chercheurs et généalogistes
U les scolaires
U les propriétaires de monuments
U les archivistes
U les services producteurs d’archives
L la salle de lecture
L les monuments historiques
L les magasins d’archives
O la numérisation des registres
O l’archivage électronique
O la valorisation du patrimoine
O l’accueil en salle de lecture
O la collecte des archives des services
P les services entassaient leurs dossiers dans des caves humides sans jamais les verser
P les registres paroissiaux, très consultés, se dégradaient à chaque manipulation
P la salle de lecture attirait surtout des généalogistes retraités
P les documents numériques produits par les services n’étaient ni classés ni conservés
P le patrimoine local restait méconnu des habitants eux-mêmes
R {n} mètres linéaires d’archives ont été collectés et classés
R Les registres les plus consultés sont désormais en ligne
R {k} classes ont participé à des ateliers autour des archives
R Un système d’archivage électronique est en service pour {k} applications
R La fréquentation des journées du patrimoine a progressé de {p} %
G comprendre les pratiques d’archivage des services
G ouvrir les archives à de nouveaux publics
G préparer l’archivage électronique
G valoriser le patrimoine de proximité
D Les magasins d’archives arrivaient à saturation, faute de place et d’éliminations
+ réglementaires.
D Les délibérations, les plans cadastraux et les registres d’état civil remontaient parfois au
+ XVIIIe siècle.
D Le patrimoine bâti comprenait une église classée, un lavoir et plusieurs maisons à colombages.
D Les bénévoles d’une société d’histoire locale connaissaient les fonds mieux que quiconque.

@jeunesse | jeunesse | commune intercommunalite departement region
S le service jeunesse
S le point information jeunesse
S la direction de la jeunesse et des sports
U les jeunes de seize à vingt-cinq ans
U les animateurs jeunesse
U les lycéens
U les jeunes des quartiers prioritaires
U les jeunes ruraux
L les maisons des jeunes
L les points information jeunesse
L les lycées
O l’information des jeunes
O l’engagement des jeunes
O l’accès des jeunes aux vacances
O le conseil des jeunes
O l’aide au permis de conduire
P les jeunes ne fréquentaient plus les structures qui leur étaient destinées
P le conseil municipal des jeunes peinait à renouveler ses membres
P les jeunes ruraux restaient isolés faute de transport
P les aides destinées aux jeunes étaient méconnues et sous-utilisées
P les animateurs jeunesse se sentaient déconnectés des pratiques des adolescents
R {n} jeunes ont bénéficié de l’aide au permis en échange d’heures de bénévolat
R Le point information jeunesse ouvre désormais le samedi et répond sur les réseaux sociaux
R {k} projets portés par des jeunes ont été financés
R Un conseil des jeunes renouvelé se réunit chaque mois
R La fréquentation des maisons des jeunes a progressé de {p} %
G aller à la rencontre des jeunes là où ils sont
G associer les jeunes aux décisions
G rendre les aides visibles
G repenser les maisons des jeunes
D Les jeunes interrogés disaient s’informer d’abord sur les réseaux sociaux et auprès de leurs
+ amis.
D Le service civique, le bénévolat associatif et les juniors associations attiraient pourtant de
+ nombreux volontaires.
D Les structures fermaient leurs portes au moment où les adolescents sortaient des cours.
D Les élus souhaitaient une politique de jeunesse construite avec les jeunes plutôt que pour eux.

@vie-associative | vie associative | commune intercommunalite
S le service de la vie associative
S la maison des associations
S le pôle subventions
U les associations
U les bénévoles
U les présidents d’association
U les nouveaux habitants
U les salariés associatifs
L la maison des associations
L les salles municipales
L le forum des associations
O les demandes de subvention
O le prêt de salles et de matériel
O le forum des associations
O le bénévolat
O l’accompagnement des associations
P les associations remplissaient chaque année un dossier de subvention de vingt pages
P le prêt de salles reposait sur un agenda papier tenu par une seule personne
P les bénévoles vieillissaient et les associations peinaient à renouveler leurs bureaux
P le forum des associations attirait toujours le même public
P les petites associations ne savaient pas à qui s’adresser à la mairie
R Le dossier de subvention a été ramené de {a} à {b} pages
R La réservation des salles se fait désormais en ligne
R {n} nouveaux bénévoles ont rejoint une association après le forum
R Un guichet unique répond aux associations
R {k} conventions pluriannuelles ont remplacé les subventions annuelles
G simplifier le dossier de subvention
G comprendre les besoins des bénévoles
G repenser le forum des associations
G outiller les petites associations
D La commune comptait plusieurs centaines d’associations sportives, culturelles, caritatives ou de
+ loisirs.
D Les subventions, les locaux prêtés et les aides en nature n’étaient recensés nulle part.
D Les associations employeuses s’inquiétaient de la fin des emplois aidés.
D Les élus voulaient reconnaître l’engagement bénévole sans alourdir les procédures.

@commerce | commerce et développement économique | commune intercommunalite region
S le service du développement économique
S le manager du commerce de centre-ville
S l’agence de développement économique
U les commerçants
U les artisans
U les créateurs d’entreprise
U les chefs d’entreprise
U les clients du marché
L les zones d’activité
L les halles
L le marché hebdomadaire
L les boutiques du centre-ville
O l’accueil des créateurs d’entreprise
O la revitalisation commerciale
O les autorisations de terrasse et d’étalage
O le marché hebdomadaire
O l’implantation des entreprises
P les vitrines vides se multipliaient dans la rue principale
P les créateurs d’entreprise ne savaient pas à quelle porte frapper
P les demandes de terrasse et d’étalage prenaient des semaines
P les entreprises du territoire ne trouvaient pas de foncier pour s’agrandir
P le marché hebdomadaire perdait des exposants et des clients
R {k} boutiques à l’essai ont ouvert dans des locaux vacants
R Un guichet unique accompagne désormais les porteurs de projet
R Les autorisations de terrasse sont délivrées en {k} jours
R {n} entreprises ont été accompagnées dans leur implantation
R Le marché accueille {k} nouveaux producteurs
G comprendre ce qui éloigne les clients du centre
G accompagner les créateurs d’entreprise
G simplifier les autorisations de terrasse
G redonner vie au marché
D Le taux de vacance commerciale dépassait celui des villes de taille comparable.
D Les loyers commerciaux restaient élevés malgré la baisse de fréquentation.
D Les grandes surfaces de périphérie ouvraient le dimanche, contrairement aux commerces du centre.
D Plusieurs dispositifs d’aide coexistaient, portés par la région, la chambre de commerce et
+ l’intercommunalité.

@funeraire | cimetières et funéraire | commune
S le service des cimetières
S le service funéraire
S la conservation des cimetières
U les familles endeuillées
U les fossoyeurs
U les opérateurs funéraires
U les visiteurs des cimetières
U les gardiens de cimetière
L les cimetières communaux
L le columbarium
L le jardin du souvenir
O l’attribution des concessions
O l’accueil des familles endeuillées
O la reprise des concessions abandonnées
O l’entretien des cimetières
O les obsèques des personnes isolées
P les familles devaient se rendre dans trois services pour organiser des obsèques
P les cimetières arrivaient à saturation faute de reprise des concessions
P l’enherbement des allées choquait une partie des visiteurs
P les personnes décédées sans famille étaient inhumées sans qu’aucun hommage leur soit rendu
P les fossoyeurs travaillaient dans des conditions physiques difficiles
R Un accueil unique reçoit désormais les familles
R {n} concessions abandonnées ont été reprises
R Les allées ont été végétalisées avec l’accord des visiteurs
R Un collectif de bénévoles accompagne les obsèques des personnes isolées
R Les fossoyeurs disposent de matériel adapté
G accueillir les familles endeuillées
G repenser l’entretien des cimetières
G rendre hommage aux personnes isolées
G améliorer les conditions de travail des fossoyeurs
D Les cimetières, parfois centenaires, comptaient des milliers de concessions dont beaucoup
+ semblaient abandonnées.
D La crémation progressait et la demande de cases de columbarium augmentait.
D Les familles, sous le choc, devaient choisir en quelques heures entre de nombreuses options.
D Les fossoyeurs, peu nombreux, assuraient aussi l’accueil et la surveillance.

@accessibilite | handicap et accessibilité | commune intercommunalite departement region etat
S la mission handicap
S la commission d’accessibilité
S la maison départementale des personnes handicapées
U les personnes en fauteuil roulant
U les personnes aveugles et malvoyantes
U les personnes sourdes
U les aidants
U les agents en situation de handicap
L les bâtiments recevant du public
L les arrêts de bus
L les sites internet publics
O l’accessibilité des bâtiments publics
O l’accueil des personnes sourdes
O l’accessibilité des sites internet
O le maintien dans l’emploi des agents handicapés
O l’information en facile à lire et à comprendre
P les travaux d’accessibilité programmés prenaient du retard d’année en année
P les personnes sourdes ne pouvaient pas joindre les services par téléphone
P les sites internet publics restaient inaccessibles aux lecteurs d’écran
P les agents devenus inaptes attendaient des mois un aménagement de poste
P les documents officiels étaient illisibles pour les personnes ayant une déficience
+ intellectuelle
R {k} bâtiments ont été mis en accessibilité
R Un service de visio-interprétation en langue des signes est proposé à l’accueil
R Le site internet respecte désormais le référentiel d’accessibilité à {q} %
R {n} documents ont été traduits en facile à lire et à comprendre
R Les aménagements de poste sont décidés en {k} semaines
G tester les bâtiments avec des personnes concernées
G rendre l’information accessible à tous
G accueillir les personnes sourdes
G maintenir les agents dans l’emploi
D Le schéma d’accessibilité prévoyait la mise aux normes de plusieurs dizaines d’établissements
+ recevant du public.
D Les associations de personnes handicapées réclamaient d’être associées en amont des projets.
D Le référentiel général d’amélioration de l’accessibilité s’imposait aux sites publics.
D Les rampes, ascenseurs et boucles magnétiques existants étaient souvent en panne ou mal
+ signalés.

@justice | justice | etat
S le greffe du tribunal
S le service pénitentiaire d’insertion et de probation
S le conseil départemental de l’accès au droit
U les justiciables
U les greffiers
U les personnes placées sous main de justice
U les victimes
U les avocats
L les tribunaux
L les points-justice
L les maisons de justice et du droit
O l’accueil des justiciables
O l’accès au droit
O l’accompagnement des victimes
O le suivi des personnes condamnées
O les convocations au tribunal
P les justiciables se perdaient dans le palais de justice sans savoir où se présenter
P les convocations étaient rédigées dans un jargon juridique incompréhensible
P les victimes se sentaient oubliées une fois la plainte déposée
P les personnes sorties de détention n’avaient aucun rendez-vous prévu
P les points d’accès au droit étaient méconnus des habitants éloignés
R Les convocations ont été réécrites avec des justiciables
R Un accueil unique oriente désormais les visiteurs du tribunal
R {n} victimes ont bénéficié d’un accompagnement renforcé
R {k} points-justice ont ouvert dans des communes rurales
R Chaque sortie de détention est préparée avec un rendez-vous fixé
G suivre le parcours d’un justiciable
G réécrire les convocations
G accompagner les victimes
G préparer les sorties de détention
D Les greffiers, en sous-effectif, consacraient une large part de leur temps au téléphone.
D Le palais de justice, bâtiment historique, n’avait jamais été pensé pour l’accueil du public.
D Les associations d’aide aux victimes tenaient des permanences deux demi-journées par semaine.
D La justice de proximité manquait de relais dans les territoires ruraux.

@fiscalite | impôts et fiscalité | etat
S le service des impôts des particuliers
S le centre des finances publiques
S le service de publicité foncière
U les contribuables
U les usagers âgés
U les entreprises
U les agents des finances publiques
U les propriétaires
L les centres des finances publiques
L les maisons France services
L les trésoreries
O la déclaration de revenus
O le paiement des impôts locaux
O l’accueil des contribuables
O le prélèvement à la source
O la gestion des biens immobiliers
P les files d’attente s’allongeaient au moment de la déclaration de revenus
P les contribuables âgés ne savaient pas déclarer en ligne
P les courriers fiscaux suscitaient incompréhension et inquiétude
P les entreprises attendaient des semaines une réponse à leurs questions
P les agents se sentaient démunis face à la colère de certains usagers
R L’accueil sur rendez-vous a réduit l’attente de {p} %
R {n} contribuables ont été accompagnés lors des permanences de déclaration
R Les courriers les plus fréquents ont été réécrits en langage clair
R Les entreprises reçoivent une réponse sous {k} jours
R {k} maisons France services proposent désormais une aide fiscale
G comprendre les inquiétudes des contribuables
G réécrire les courriers fiscaux
G organiser l’accueil sur rendez-vous
G accompagner les contribuables éloignés du numérique
D Les fermetures de trésoreries avaient éloigné le service des habitants des petites communes.
D La réforme du prélèvement à la source avait multiplié les questions au guichet.
D Les agents traitaient aussi bien les impôts des particuliers que ceux des professionnels.
D Les démarches en ligne convenaient à la majorité, mais laissaient de côté une minorité bien
+ réelle.
"""

# Region;department (with its article; « * » when it has no departmental council);communes
GEOGRAPHY = """
Auvergne-Rhône-Alpes;le Rhône;Villeurbanne,Vénissieux,Vaulx-en-Velin,Villefranche-sur-Saône,Bron
Auvergne-Rhône-Alpes;l’Isère;Grenoble,Échirolles,Voiron,Vienne,Bourgoin-Jallieu
Auvergne-Rhône-Alpes;la Loire;Saint-Étienne,Roanne,Montbrison,Firminy
Auvergne-Rhône-Alpes;le Puy-de-Dôme;Clermont-Ferrand,Riom,Issoire,Thiers
Auvergne-Rhône-Alpes;la Savoie;Chambéry,Aix-les-Bains,Albertville
Auvergne-Rhône-Alpes;la Haute-Savoie;Annecy,Annemasse,Thonon-les-Bains
Auvergne-Rhône-Alpes;la Drôme;Valence,Montélimar,Romans-sur-Isère
Auvergne-Rhône-Alpes;l’Ain;Bourg-en-Bresse,Oyonnax,Ambérieu-en-Bugey
Auvergne-Rhône-Alpes;l’Allier;Moulins,Vichy,Montluçon
Auvergne-Rhône-Alpes;le Cantal;Aurillac,Saint-Flour
Auvergne-Rhône-Alpes;l’Ardèche;Privas,Annonay,Aubenas
Auvergne-Rhône-Alpes;la Haute-Loire;Le Puy-en-Velay,Yssingeaux
Bourgogne-Franche-Comté;la Côte-d’Or;Dijon,Beaune,Chenôve
Bourgogne-Franche-Comté;le Doubs;Besançon,Montbéliard,Pontarlier
Bourgogne-Franche-Comté;la Saône-et-Loire;Chalon-sur-Saône,Mâcon,Le Creusot,Autun
Bourgogne-Franche-Comté;l’Yonne;Auxerre,Sens,Avallon
Bourgogne-Franche-Comté;la Nièvre;Nevers,Cosne-Cours-sur-Loire
Bourgogne-Franche-Comté;le Jura;Lons-le-Saunier,Dole,Saint-Claude
Bourgogne-Franche-Comté;le Territoire de Belfort;Belfort,Delle
Bourgogne-Franche-Comté;la Haute-Saône;Vesoul,Lure
Bretagne;le Finistère;Brest,Quimper,Morlaix,Concarneau,Landerneau
Bretagne;l’Ille-et-Vilaine;Rennes,Saint-Malo,Fougères,Vitré,Redon
Bretagne;le Morbihan;Vannes,Lorient,Pontivy,Ploërmel
Bretagne;les Côtes-d’Armor;Saint-Brieuc,Lannion,Dinan,Guingamp
Centre-Val de Loire;le Loiret;Orléans,Montargis,Gien
Centre-Val de Loire;l’Indre-et-Loire;Tours,Joué-lès-Tours,Amboise,Chinon
Centre-Val de Loire;le Cher;Bourges,Vierzon,Saint-Amand-Montrond
Centre-Val de Loire;l’Eure-et-Loir;Chartres,Dreux,Châteaudun
Centre-Val de Loire;le Loir-et-Cher;Blois,Vendôme,Romorantin-Lanthenay
Centre-Val de Loire;l’Indre;Châteauroux,Issoudun
Corse;*la Corse-du-Sud;Ajaccio,Porto-Vecchio,Sartène
Corse;*la Haute-Corse;Bastia,Corte,Calvi
Grand Est;*le Bas-Rhin;Strasbourg,Haguenau,Sélestat,Schiltigheim
Grand Est;*le Haut-Rhin;Mulhouse,Colmar,Saint-Louis,Guebwiller
Grand Est;la Moselle;Metz,Thionville,Forbach,Sarreguemines
Grand Est;la Meurthe-et-Moselle;Nancy,Vandœuvre-lès-Nancy,Lunéville,Toul
Grand Est;la Marne;Reims,Châlons-en-Champagne,Épernay
Grand Est;l’Aube;Troyes,Romilly-sur-Seine
Grand Est;les Vosges;Épinal,Saint-Dié-des-Vosges,Remiremont
Grand Est;les Ardennes;Charleville-Mézières,Sedan,Rethel
Grand Est;la Meuse;Verdun,Bar-le-Duc,Commercy
Grand Est;la Haute-Marne;Chaumont,Saint-Dizier,Langres
Hauts-de-France;le Nord;Lille,Roubaix,Tourcoing,Dunkerque,Valenciennes,Douai
Hauts-de-France;le Pas-de-Calais;Arras,Calais,Boulogne-sur-Mer,Lens,Béthune
Hauts-de-France;la Somme;Amiens,Abbeville,Péronne
Hauts-de-France;l’Oise;Beauvais,Compiègne,Creil,Senlis
Hauts-de-France;l’Aisne;Laon,Saint-Quentin,Soissons,Château-Thierry
Île-de-France;la Seine-Saint-Denis;Montreuil,Saint-Denis,Aubervilliers,Bobigny,Pantin
Île-de-France;le Val-de-Marne;Créteil,Vitry-sur-Seine,Ivry-sur-Seine,Champigny-sur-Marne
Île-de-France;les Hauts-de-Seine;Nanterre,Boulogne-Billancourt,Issy-les-Moulineaux,Gennevilliers
Île-de-France;l’Essonne;Évry-Courcouronnes,Massy,Corbeil-Essonnes,Étampes
Île-de-France;les Yvelines;Versailles,Mantes-la-Jolie,Les Mureaux,Rambouillet
Île-de-France;le Val-d’Oise;Cergy,Argenteuil,Sarcelles,Pontoise
Île-de-France;la Seine-et-Marne;Meaux,Melun,Chelles,Fontainebleau
Normandie;la Seine-Maritime;Rouen,Le Havre,Dieppe,Fécamp
Normandie;le Calvados;Caen,Lisieux,Bayeux,Hérouville-Saint-Clair
Normandie;la Manche;Cherbourg-en-Cotentin,Saint-Lô,Granville,Coutances
Normandie;l’Orne;Alençon,Flers,Argentan
Normandie;l’Eure;Évreux,Vernon,Louviers
Nouvelle-Aquitaine;la Gironde;Bordeaux,Mérignac,Pessac,Libourne,Arcachon
Nouvelle-Aquitaine;les Pyrénées-Atlantiques;Pau,Bayonne,Anglet,Biarritz,Oloron-Sainte-Marie
Nouvelle-Aquitaine;la Haute-Vienne;Limoges,Saint-Junien
Nouvelle-Aquitaine;la Vienne;Poitiers,Châtellerault,Loudun
Nouvelle-Aquitaine;la Charente-Maritime;La Rochelle,Rochefort,Saintes,Royan
Nouvelle-Aquitaine;la Charente;Angoulême,Cognac
Nouvelle-Aquitaine;les Landes;Mont-de-Marsan,Dax
Nouvelle-Aquitaine;la Dordogne;Périgueux,Bergerac,Sarlat-la-Canéda
Nouvelle-Aquitaine;les Deux-Sèvres;Niort,Bressuire,Parthenay
Nouvelle-Aquitaine;le Lot-et-Garonne;Agen,Villeneuve-sur-Lot,Marmande
Nouvelle-Aquitaine;la Corrèze;Brive-la-Gaillarde,Tulle,Ussel
Nouvelle-Aquitaine;la Creuse;Guéret,Aubusson
Occitanie;la Haute-Garonne;Toulouse,Colomiers,Blagnac,Muret,Saint-Gaudens
Occitanie;l’Hérault;Montpellier,Béziers,Sète,Lunel
Occitanie;le Gard;Nîmes,Alès,Bagnols-sur-Cèze
Occitanie;les Pyrénées-Orientales;Perpignan,Canet-en-Roussillon,Prades
Occitanie;l’Aude;Carcassonne,Narbonne,Limoux
Occitanie;le Tarn;Albi,Castres,Gaillac
Occitanie;l’Aveyron;Rodez,Millau,Villefranche-de-Rouergue
Occitanie;le Tarn-et-Garonne;Montauban,Castelsarrasin
Occitanie;les Hautes-Pyrénées;Tarbes,Lourdes,Bagnères-de-Bigorre
Occitanie;le Gers;Auch,Condom
Occitanie;le Lot;Cahors,Figeac
Occitanie;l’Ariège;Foix,Pamiers
Occitanie;la Lozère;Mende,Marvejols
Pays de la Loire;la Loire-Atlantique;Nantes,Saint-Nazaire,Rezé,Saint-Herblain
Pays de la Loire;le Maine-et-Loire;Angers,Cholet,Saumur
Pays de la Loire;la Sarthe;Le Mans,La Flèche,Sablé-sur-Sarthe
Pays de la Loire;la Vendée;La Roche-sur-Yon,Les Sables-d’Olonne,Challans
Pays de la Loire;la Mayenne;Laval,Château-Gontier-sur-Mayenne,Mayenne
Provence-Alpes-Côte d’Azur;les Bouches-du-Rhône;Marseille,Aix-en-Provence,Arles,Martigues,Aubagne
Provence-Alpes-Côte d’Azur;les Alpes-Maritimes;Nice,Cannes,Antibes,Grasse,Menton
Provence-Alpes-Côte d’Azur;le Var;Toulon,Fréjus,Hyères,Draguignan
Provence-Alpes-Côte d’Azur;le Vaucluse;Avignon,Carpentras,Orange,Cavaillon
Provence-Alpes-Côte d’Azur;les Alpes-de-Haute-Provence;Digne-les-Bains,Manosque
Provence-Alpes-Côte d’Azur;les Hautes-Alpes;Gap,Briançon,Embrun
Guadeloupe;la Guadeloupe;Pointe-à-Pitre,Les Abymes,Basse-Terre,Baie-Mahault
Martinique;*la Martinique;Fort-de-France,Le Lamentin,Schœlcher
Guyane;*la Guyane;Cayenne,Saint-Laurent-du-Maroni,Kourou
La Réunion;La Réunion;Saint-Denis,Saint-Pierre,Le Port,Saint-Paul,Le Tampon
Mayotte;Mayotte;Mamoudzou,Dzaoudzi,Koungou
"""

# Region-level names where « Région X » is not the institution's name.
REGION_NAMES = {
    "Corse": ("Collectivité de Corse", "la Collectivité de Corse"),
    "Martinique": ("Collectivité territoriale de Martinique", "la Collectivité de Martinique"),
    "Guyane": ("Collectivité territoriale de Guyane", "la Collectivité de Guyane"),
    "La Réunion": ("Région Réunion", "la Région Réunion"),
    "Mayotte": ("Département de Mayotte", "le Département de Mayotte"),
}

# Territory institutions by level slug: name ; subject (with its article) ; short name ;
# policies (« * »: those of the level) ; « national » when the case has no region.
# {c} commune, {dc} « de » + commune, {dd} « de » + department, {r} region.
INSTITUTIONS = """
@commune
Ville {dc} ; la Ville {dc} ; {c} ; *
Ville {dc} ; la Ville {dc} ; {c} ; *
Commune {dc} ; la commune {dc} ; {c} ; *
@intercommunalite
Communauté d’agglomération {dc} ; la communauté d’agglomération {dc} ; Agglomération {dc} ; *
Communauté de communes du Pays {dc} ; la communauté de communes du Pays {dc} ; Pays {dc} ; *
Communauté urbaine {dc} ; la communauté urbaine {dc} ; Communauté urbaine {dc} ; *
{c} Métropole ; {c} Métropole ; {c} Métropole ; *
@departement
Département {dd} ; le Département {dd} ; Département {dd} ; *
Conseil départemental {dd} ; le conseil départemental {dd} ; Département {dd} ; *
@region
Région {r} ; la Région {r} ; Région {r} ; *
@etat
Préfecture {dd} ; la préfecture {dd} ; Préfecture {dd} ; etat-civil accueil secours numerique rh
+ accessibilite
Direction départementale des territoires {dd} ; la direction départementale des territoires {dd}
+ ; DDT {dd} ; habitat alimentation climat urbanisme
Direction départementale de l’emploi, du travail et des solidarités {dd} ; la direction
+ départementale de l’emploi, du travail et des solidarités {dd} ; DDETS {dd} ; emploi
+ action-sociale habitat
Direction départementale des finances publiques {dd} ; la direction départementale des finances
+ publiques {dd} ; Finances publiques {dd} ; finances fiscalite accueil numerique
Direction interministérielle de la transformation publique ; la Direction interministérielle de
+ la transformation publique ; DITP ; numerique accueil rh ; national
Ministère de la Culture ; le ministère de la Culture ; Ministère de la Culture ; culture rh
+ ; national
Ministère du Travail ; le ministère du Travail ; Ministère du Travail ; emploi rh numerique
+ ; national
Direction générale des finances publiques ; la Direction générale des finances publiques ;
+ DGFiP ; finances accueil numerique ; national
Agence nationale de la cohésion des territoires ; l’Agence nationale de la cohésion des
+ territoires ; ANCT ; numerique habitat ; national
Ministère de l’Agriculture ; le ministère de l’Agriculture ; Ministère de l’Agriculture ;
+ alimentation rh ; national
Ministère de la Transition écologique ; le ministère de la Transition écologique ; Ministère de
+ la Transition écologique ; climat ; national
Ministère de la Justice ; le ministère de la Justice ; Ministère de la Justice ; justice rh
+ numerique ; national
Tribunal judiciaire {dc} ; le tribunal judiciaire {dc} ; Tribunal judiciaire {dc} ; justice
+ accueil
Service pénitentiaire d’insertion et de probation {dd} ; le service pénitentiaire d’insertion et
+ de probation {dd} ; SPIP {dd} ; justice
Centre des finances publiques {dc} ; le centre des finances publiques {dc} ; Finances publiques
+ {dc} ; fiscalite accueil
Service interministériel des archives de France ; le Service interministériel des archives de
+ France ; SIAF ; patrimoine numerique ; national
@autre-etablissement-public
Centre hospitalier {dc} ; le centre hospitalier {dc} ; Centre hospitalier {dc} ; sante rh accueil
+ numerique marches-publics
Centre communal d’action sociale {dc} ; le centre communal d’action sociale {dc} ; CCAS {dc} ;
+ action-sociale autonomie accueil
Syndicat des eaux du Pays {dc} ; le syndicat des eaux du Pays {dc} ; Syndicat des eaux {dc} ; eau
Syndicat de valorisation des déchets du Pays {dc} ; le syndicat de valorisation des déchets du
+ Pays {dc} ; Syndicat des déchets {dc} ; dechets
Office public de l’habitat {dc} ; l’office public de l’habitat {dc} ; Office de l’habitat {dc} ;
+ habitat rh accueil
Service départemental d’incendie et de secours {dd} ; le service départemental d’incendie et
+ de secours {dd} ; SDIS {dd} ; secours rh
Université {dc} ; l’université {dc} ; Université {dc} ; vie-etudiante numerique rh
+ accessibilite
Office de tourisme {dc} ; l’office de tourisme {dc} ; Office de tourisme {dc} ; tourisme
Maison départementale des personnes handicapées {dd} ; la maison départementale des personnes
+ handicapées {dd} ; MDPH {dd} ; accessibilite accueil
Centre de gestion de la fonction publique territoriale {dd} ; le centre de gestion {dd} ;
+ Centre de gestion {dd} ; rh
"""

LEVEL_WEIGHTS = {
    "commune": 32,
    "intercommunalite": 24,
    "departement": 14,
    "region": 7,
    "etat": 11,
    "autre-etablissement-public": 12,
}

DECIDERS = {
    "commune": "le maire|l’adjointe chargée du dossier|le conseil municipal",
    "intercommunalite": "le président|la vice-présidente chargée du dossier|"
    "le bureau communautaire",
    "departement": "le président du Département|la vice-présidente chargée du dossier",
    "region": "la présidente de Région|le vice-président chargé du dossier",
    "etat": "le préfet|le secrétaire général|la directrice",
    "autre-etablissement-public": "la direction de l’établissement|le directeur|le conseil "
    "d’administration",
    "*": "la direction générale|le comité de direction|la directrice générale des services|"
    "le directeur général adjoint",
}

# (infinitive, past participle, present), the last one for titles such as « X repense … ».
VERBS = """
repenser|repensé|repense
simplifier|simplifié|simplifie
améliorer|amélioré|améliore
réorganiser|réorganisé|réorganise
moderniser|modernisé|modernise
transformer|transformé|transforme
redessiner|redessiné|redessine
clarifier|clarifié|clarifie
rendre plus lisible|rendu plus lisible|rend plus lisible
rendre plus accessible|rendu plus accessible|rend plus accessible
faire évoluer|fait évoluer|fait évoluer
réinventer|réinventé|réinvente
humaniser|humanisé|humanise
mettre à plat|mis à plat|met à plat
revoir|revu|revoit
fiabiliser|fiabilisé|fiabilise
reconstruire|reconstruit|reconstruit
remettre à plat|remis à plat|remet à plat
"""

ACTION_NOUNS = (
    "Refonte|Simplification|Réorganisation|Transformation|Amélioration|Modernisation|"
    "Remise à plat|Reconception|Nouvelle approche"
).split("|")

TEAMS = """
la mission innovation
le laboratoire d’innovation interne
une équipe projet transversale
la direction de la transformation
le service qualité et méthodes
un binôme d’agents volontaires
la mission modernisation
une équipe de designers en résidence
le pôle évaluation des politiques publiques
un groupe d’agents ambassadeurs
la cellule d’appui aux projets
le service de la participation citoyenne
une cheffe de projet recrutée pour l’occasion
un collectif d’agents volontaires
la direction de la performance et de l’innovation
"""

TITLES = """
{short} : {verb} {object}
{short} : {verb} {object} avec {users}
{Verb} {object} {place}
{noun} {de_object} {place}
Comment {subject} a {pp} {object}
{Format} {place} : {verb} {object}
{short} mise sur ses agents pour {verb} {object}
{short} mise sur l’expérience {de_users} pour {verb} {object}
Avec {users}, {subject} {pres} {object}
{short} : quand {users} aident à {verb} {object}
{noun} {de_object} : l’expérience {de_subject}
"""

SUMMARIES = """
{Subject} a {pp} {object} {with_clause}.
Pour {verb} {object}, {subject} a associé {users} et ses agents à une démarche de {m} mois.
{Place}, {service} a {pp} {object} en partant de l’expérience {de_users}.
{Team} {de_subject} a aidé les équipes à {verb} {object}, avec {users}.
{Subject} a voulu {verb} {object} : {users} et les agents ont travaillé ensemble, du diagnostic
+ au test des solutions.
"""

WITH_CLAUSES = """
avec {users}
en associant {users} et les agents
à partir de l’expérience {de_users}
en s’appuyant sur ses agents de terrain
au terme d’une démarche de {m} mois
en testant plusieurs solutions avant de choisir
"""

OPENERS = """
{Subject} partait d’un constat partagé par les équipes : {problem}.
Depuis plusieurs années, {subject} observait que {problem}.
Le point de départ est venu du terrain : {problem}.
{Service} {de_subject} le savait depuis longtemps : {problem}.
Au sein {de_subject}, un constat revenait dans toutes les réunions : {problem}.
{Place}, {problem}, une situation que les agents comme les élus jugeaient intenable.
Tout est parti d’une remontée {de_users} : {problem}.
Pour {service}, la situation n’était plus tenable : {problem}.
Un diagnostic mené par {team} l’avait montré : {problem}.
Les chiffres comme les témoignages convergeaient : {problem}.
Rien ne fonctionnait vraiment mal, mais rien ne fonctionnait vraiment bien non plus : {problem}.
L’alerte est venue des agents eux-mêmes : {problem}.
Les enquêtes de satisfaction successives disaient toutes la même chose : {problem}.
À l’occasion d’un séminaire de direction, un constat s’est imposé : {problem}.
"""

SECOND_PROBLEMS = """
À cela s’ajoutait un second constat : {problem2}.
Dans le même temps, {problem2}.
Par ailleurs, {problem2}.
En outre, {problem2}.
Autre difficulté, {problem2}.
Les agents relevaient aussi que {problem2}.
"""

STAKES = """
Le sujet concernait directement {users}, mais aussi {users2} et les agents {de_service}.
Ces difficultés pesaient sur {users} autant que sur les équipes {de_service}.
Personne ne contestait le diagnostic, mais chacun en renvoyait la responsabilité à un autre
+ service.
Les élus recevaient régulièrement des courriers {de_users} sur ce sujet.
Les agents, eux, compensaient au prix d’un surcroît de travail qui ne se voyait nulle part.
Les réclamations s’accumulaient, et les agents de guichet en subissaient les premiers les
+ conséquences.
Faute de données fiables, chacun défendait sa propre lecture de la situation.
Les tentatives précédentes, pilotées depuis les bureaux, n’avaient pas résisté à l’épreuve du
+ terrain.
"""

TRIGGERS = """
{Decider} a donc confié à {team} le soin {de_verb} {object}.
Plutôt que de commander une étude, {subject} a choisi {de_verb} {object} avec {users}.
L’objectif fixé par {decider} était clair : {verb} {object} en partant de l’expérience
+ {de_users}.
{Team} s’est vu confier une mission simple en apparence : {verb} {object}.
La décision a été prise {de_verb} {object}, en associant dès le départ {users} et les agents
+ concernés.
{Decider} a souhaité {verb} {object} sans attendre une réorganisation d’ensemble.
"""

THEME_SENTENCES = """
Le projet s’inscrivait dans le volet « {theme} » de la feuille de route {de_subject}.
La démarche relevait d’abord du thème « {theme} », sans s’y limiter.
Elle a été suivie comme un chantier « {theme} » par la direction générale.
"""

# « start | end » : the end clause is added when the case has an end date.
DATE_SENTENCES = """
La démarche a été lancée {when} | et s’est achevée {end}
Les travaux ont débuté {when} | et se sont achevés {end}
Le premier temps collectif s’est tenu {when} | et le dernier {end}
"""

FORMAT_SENTENCES = """
La démarche s’est déroulée sous forme {de_format}, sur {span}, avec {nparts} participants :
+ {audience}.
Le dispositif retenu relevait du format « {format} » et a réuni {nparts} personnes : {audience}.
Au total, {nparts} personnes ont pris part aux travaux, sous forme {de_format} : {audience}.
Format choisi : {format}, sur {span}, pour {reason}. Il a réuni {audience}.
{Team} a conçu un dispositif de type « {format} », étalé sur {span}, pour {reason}.
"""

SPANS = """
une journée
deux journées
trois demi-journées
{w} semaines
{m} mois
une soirée
quatre séances espacées d’un mois
une semaine
"""

REASONS = """
laisser une large place aux échanges
tenir dans un calendrier serré
toucher des publics qui ne viennent jamais en réunion
permettre d’essayer avant de décider
mêler les services et les niveaux hiérarchiques
donner la parole aux agents de terrain
"""

DEFAULT_AUDIENCE = (
    "agents de plusieurs services, encadrants et partenaires",
    "agents volontaires et partenaires du projet",
    "agents de terrain et membres de l’encadrement",
)

FIELDWORK = """
Pendant {w} semaines, {team} a rencontré {users} dans {location}.
Des agents ont passé plusieurs demi-journées dans {location} pour observer le service tel
+ qu’il est rendu.
{n} entretiens ont été menés avec {users} et {users2}.
Les participants ont dressé la liste des irritants rencontrés par {users}, du premier contact
+ jusqu’à la fin de la démarche.
Une enquête en ligne a recueilli l’avis de {n} personnes, complétée par des rencontres dans
+ {location}.
Chaque étape du parcours {de_users} a été reconstituée sur un grand mur, post-it à l’appui.
Les agents de terrain ont raconté leur quotidien, souvent pour la première fois devant leur
+ encadrement.
Une dizaine d’observations ont été conduites à différents moments de la semaine, y compris le
+ samedi matin.
Les agents ont tenu pendant un mois un relevé des questions les plus fréquentes posées par
+ {users}.
Des rencontres informelles ont été organisées au marché, à la sortie des écoles et dans les halls
+ d’immeuble.
Un questionnaire papier, déposé dans {location}, a recueilli plusieurs centaines de réponses
+ manuscrites.
Les statistiques d’activité des trois dernières années ont été croisées avec les témoignages
+ recueillis.
Des binômes mêlant un agent de terrain et un cadre ont suivi pas à pas le parcours {de_users}.
"""

# A sentence per method a case used, marked by where it may stand among them: « 1 » first,
# « 2 » second, « n » any but the first, « z » last of several, « * » anywhere.
METHOD_SENTENCES = """
1 Les participants ont d’abord suivi la fiche « {link} » pour {goal}.
1 Tout a commencé par la méthode « {link} », pour {goal}.
* L’équipe s’est appuyée sur la méthode « {link} » afin {de_goal}.
* Pour {goal}, les animateurs ont proposé un exercice tiré de la fiche « {link} ».
* La fiche « {link} » a servi de trame pour {goal}.
* Un temps construit sur la méthode « {link} » a permis {de_goal}.
2 Deuxième temps fort, la méthode « {link} » a aidé le groupe à {goal}.
n Le groupe a ensuite utilisé la fiche « {link} » pour {goal}.
z En fin de parcours, la fiche « {link} » a aidé à {goal}.
* S’inspirant de la fiche « {link} », les participants ont cherché à {goal}.
* Une séance entière, bâtie sur la méthode « {link} », a été consacrée à {goal}.
n Vint ensuite la méthode « {link} », choisie pour {goal}.
"""

PROTOTYPES = """
un nouveau formulaire
un courrier réécrit en langage clair
une signalétique provisoire
un tableau de bord partagé
un guide pratique
une maquette de site
un parcours d’accueil
une charte d’engagements
un kit d’accueil
une fiche réflexe
un calendrier partagé
une application mobile
un affichage en salle d’attente
un accueil sans rendez-vous
un point d’information mobile
une affiche explicative
un numéro de téléphone unique
un rendez-vous téléphonique de rappel
une permanence mobile
un formulaire pré-rempli
un livret d’accueil illustré
"""

PROTOTYPE_SENTENCES = """
Une première version {de_proto} a ensuite été testée auprès {de_users}.
Les idées retenues ont été traduites en {proto}, que des usagers ont pu essayer dès la semaine
+ suivante.
Le groupe a conçu {proto} puis l’a fait tester par {users}.
Chaque semaine, l’équipe a ajusté {proto} en fonction des retours {de_users}.
"""

OUTCOMES = """
Les agents disent avoir retrouvé du sens dans leur travail quotidien.
La démarche a été présentée en comité de direction comme un exemple à suivre.
Plusieurs services ont demandé à être accompagnés de la même façon.
Un réseau d’agents volontaires s’est constitué pour porter d’autres projets.
Les relations entre le service et {users} se sont nettement apaisées.
Les élus ont validé la généralisation du dispositif au budget suivant.
Les méthodes employées ont été reprises dans le plan de formation des encadrants.
Le nombre de plaintes adressées aux élus sur ce sujet a fortement diminué.
Les partenaires ont accepté de partager leurs données pour suivre les effets du projet.
Une charte d’engagements de service a été rédigée avec les agents.
Le dispositif a été repris par une collectivité voisine.
Les usagers interrogés se disent mieux informés et mieux orientés.
L’équipe a acquis des réflexes de test qu’elle applique désormais à d’autres sujets.
Les agents d’accueil disposent d’informations plus fiables pour répondre aux questions.
Un comité de suivi réunissant agents et usagers se réunit deux fois par an.
Le projet a servi de point d’appui pour obtenir un financement complémentaire.
Les délais de traitement sont désormais suivis et publiés chaque trimestre.
Les encadrants ont pris l’habitude d’associer leurs équipes aux décisions d’organisation.
La démarche a fait émerger des besoins que personne n’avait identifiés auparavant.
Plusieurs irritants ont été levés en quelques semaines, sans moyens supplémentaires.
Les agents impliqués ont été sollicités pour présenter la démarche lors d’un colloque
+ professionnel.
Un indicateur de satisfaction est désormais suivi chaque mois par l’encadrement.
Le nombre de rappels et de relances adressés aux usagers a sensiblement diminué.
Les élus s’appuient désormais sur les retours des usagers pour arbitrer entre plusieurs options.
La coopération entre les services concernés s’est installée au-delà du projet lui-même.
Le vocabulaire administratif a été revu dans l’ensemble des documents remis au public.
"""

NEXT_STEPS = """
{Subject} prévoit désormais d’étendre la démarche à {scope}.
Une deuxième phase doit associer {users2} dès la rentrée suivante.
Un bilan à un an est programmé pour décider de la suite.
Reste à passer de l’expérimentation à la généralisation, ce qui suppose un arbitrage budgétaire.
Les enseignements ont été partagés avec le réseau régional des innovateurs publics.
L’équipe prépare un guide pour que d’autres services puissent reprendre la méthode.
Une évaluation indépendante doit mesurer les effets du dispositif d’ici deux ans.
Les financements obtenus permettront de poursuivre l’expérimentation une année supplémentaire.
Le comité de direction doit décider prochainement d’une éventuelle généralisation.
"""

SCOPES = """
d’autres services
l’ensemble de ses équipements
d’autres politiques publiques
l’ensemble du territoire
d’autres sites pilotes
la totalité des agents concernés
"""

UNDOCUMENTED = """
Les effets de la démarche n’ont pas encore été mesurés.
Les sources disponibles ne disent rien, à ce stade, des suites données au projet.
"""

FILLERS = """
Chaque séance a donné lieu à un court compte rendu, partagé avec l’ensemble des participants.
Les échanges ont parfois été vifs, mais toujours constructifs.
L’équipe a veillé à ce que les agents de terrain puissent s’exprimer aussi librement que leurs
+ encadrants.
Un comité de pilotage restreint se réunissait toutes les six semaines pour arbitrer.
Les productions des groupes ont été affichées dans le hall, à la vue des usagers.
Un tableau de suivi partagé permettait à chacun de connaître l’avancement du projet.
Les participants ont souligné la qualité de l’écoute et la liberté de ton des échanges.
La direction des ressources humaines a facilité la participation des agents sur leur temps de
+ travail.
Les élus ont été associés à deux moments clés : le diagnostic et le choix des pistes.
La démarche a été présentée aux représentants du personnel avant son lancement.
Un carnet de bord a permis de garder la trace des décisions et de leurs raisons.
Des usagers ont accepté de revenir à plusieurs reprises pour suivre l’évolution des propositions.
Les partenaires associatifs ont relayé l’invitation auprès de leurs adhérents.
Le calendrier a été adapté aux contraintes saisonnières du service.
La lettre d’information interne a relayé chaque étape auprès des agents.
Rien n’a été décidé sans un test préalable auprès de quelques usagers.
Les documents de travail ont été rassemblés dans un espace partagé accessible à tous les
+ participants.
Chaque réunion commençait par un rappel de l’objectif et des décisions déjà prises.
Les participants ont pu suivre l’avancement grâce à une frise affichée dans le couloir du service.
Plusieurs agents ont découvert à cette occasion le travail de collègues qu’ils ne connaissaient
+ que de nom.
Les usagers associés ont été remerciés par un courrier signé de l’exécutif.
Les contraintes réglementaires ont été examinées au fil de l’eau avec le service juridique.
Un temps de convivialité clôturait chaque séance, ce qui a beaucoup compté pour la dynamique du
+ groupe.
Les rendez-vous ont été fixés en dehors des périodes de forte activité du service.
"""

LESSONS = """
Partir des irritants vécus par {users} plutôt que des solutions imaginées en interne a changé
+ la nature des débats.
Associer les agents de terrain dès le diagnostic a évité bien des fausses bonnes idées.
Un prototype imparfait montré tôt vaut mieux qu’un projet abouti présenté trop tard.
Le soutien visible de la direction générale a levé de nombreux blocages entre services.
Prendre le temps d’écouter {users} a fait gagner du temps par la suite.
Documenter chaque étape a permis de transmettre la démarche à d’autres équipes.
Fixer dès le départ les critères de réussite a facilité la décision de généraliser.
Une expérimentation limitée dans le temps rassure ceux qui redoutent le changement.
Les agents portent plus volontiers une solution qu’ils ont contribué à construire.
Les chiffres seuls ne suffisaient pas : les récits {de_users} ont convaincu les élus.
Mélanger les services et les niveaux hiérarchiques a fait tomber des préjugés tenaces.
Un langage simple, sans jargon, a permis à chacun de participer aux échanges.
Rendre compte aux participants de ce que deviennent leurs idées entretient la confiance.
Les petites améliorations rapides ont donné du crédit à la démarche auprès des équipes.
Une démarche d’innovation a besoin d’un commanditaire qui accepte de ne pas connaître la
+ solution à l’avance.
Le temps libéré pour les agents contributeurs conditionne leur engagement dans la durée.
Tester sur un seul site avant de généraliser a permis de corriger les défauts à moindre coût.
Aller là où se trouvent {users} donne des résultats que les réunions publiques n’obtiennent pas.
Un regard extérieur a aidé l’équipe à questionner ses habitudes.
Les contraintes juridiques sont moins nombreuses qu’on le croit quand on associe tôt les
+ juristes.
Une restitution courte et illustrée a davantage circulé qu’un long rapport.
Impliquer les encadrants intermédiaires évite qu’ils vivent la démarche comme une remise en
+ cause.
Le calendrier budgétaire doit être anticipé pour que les solutions testées puissent durer.
Une démarche centrée sur {users} profite aussi aux conditions de travail des agents.
Mesurer la situation de départ était indispensable pour montrer les effets obtenus.
Les usagers ont souvent des idées simples que l’administration n’aurait pas imaginées seule.
Une démarche participative demande de l’humilité de la part de ceux qui l’animent.
Mieux vaut un petit périmètre bien suivi qu’un grand projet qui s’essouffle.
Travailler avec les partenaires dès le début évite de découvrir leurs contraintes trop tard.
"""

CHALLENGES = """
Dégager du temps pour les agents participants, déjà très sollicités par le quotidien du
+ service.
Les outils informatiques existants laissaient peu de marge pour modifier le parcours.
Une partie de l’encadrement doutait de l’intérêt de la démarche au démarrage.
Mobiliser {users} en dehors des horaires habituels s’est révélé difficile.
Le changement d’exécutif en cours de projet a ralenti les décisions.
Les données nécessaires au diagnostic étaient dispersées et parfois contradictoires.
Le calendrier imposé laissait peu de place à l’expérimentation.
Les contraintes de la commande publique ont allongé la mise en place de la solution.
Certains agents ont vécu les observations comme un contrôle de leur travail.
Le départ de la cheffe de projet a fragilisé la continuité de la démarche.
Le budget de l’expérimentation n’était pas assuré au-delà de la première année.
La coordination avec les partenaires extérieurs demandait beaucoup d’énergie.
Les attentes suscitées chez {users} dépassaient ce que le service pouvait offrir.
La crise sanitaire a interrompu les rencontres prévues pendant plusieurs mois.
Le vocabulaire de l’innovation a d’abord suscité de la méfiance.
Les résultats ont été plus longs à mesurer que prévu.
Plusieurs services se renvoyaient la responsabilité du parcours.
Le recrutement de participants représentatifs a pris plus de temps que prévu.
La rotation des agents dans le service a obligé à reformer régulièrement les nouveaux venus.
Le logiciel métier ne permettait pas d’extraire facilement les données utiles à l’évaluation.
Les usagers les plus concernés étaient aussi les plus difficiles à joindre.
"""

SUCCESS_CONDITIONS = """
Un portage politique clair et réaffirmé à chaque étape.
Du temps réellement dégagé pour les agents qui contribuent.
Des usagers associés dès le diagnostic et pas seulement au moment du test.
Une équipe projet mêlant des agents de plusieurs directions.
Un budget d’expérimentation identifié dès le départ.
Des règles du jeu partagées sur ce qui est négociable et ce qui ne l’est pas.
Un calendrier réaliste, avec des points d’étape réguliers.
L’appui d’un animateur formé aux méthodes participatives.
Des indicateurs simples, définis avant le lancement.
La confiance accordée aux agents de terrain pour ajuster la solution.
Une communication régulière auprès de l’ensemble des services.
Le droit à l’erreur affirmé par la direction générale.
L’implication des encadrants de proximité tout au long du projet.
Des partenaires associés dès la conception.
Un lieu dédié où l’équipe peut travailler et afficher ses productions.
La restitution systématique des résultats aux participants.
Un binôme de pilotage associant un cadre et un agent de terrain.
Une méthode d’évaluation décidée avant le lancement.
Des moyens modestes, mais disponibles immédiatement.
"""

QUOTES = """
On pensait bien connaître {users}. Les écouter vraiment nous a montré tout ce qu’on ne voyait
+ pas depuis nos bureaux.
Pour la première fois, on a construit la solution avec ceux qui allaient l’utiliser, et ça
+ change tout.
En quelques semaines, on a testé ce qu’on repoussait depuis des années.
Ce qui reste, c’est d’avoir vu des collègues de services différents travailler vraiment
+ ensemble.
On n’a pas tout réussi, mais on sait désormais comment s’y prendre pour la suite.
Les usagers ont été plus indulgents avec nos prototypes que nous ne l’étions nous-mêmes.
Le plus dur n’était pas de trouver des idées, mais d’accepter de les tester.
Avant, chacun défendait son service. Là, tout le monde parlait du même usager.
Les agents de terrain avaient les solutions depuis longtemps : il suffisait de leur poser la
+ question.
Prendre le temps au début nous en a fait gagner énormément ensuite.
On a appris à dire « on ne sait pas encore », et ce n’était pas si grave.
Voir {users} revenir pour donner leur avis, c’était la meilleure preuve que ça valait le coup.
C’est la première réunion où personne n’a regardé son téléphone.
Le prototype était bricolé, mais il a suffi à lancer la discussion avec les élus.
Ce projet a changé notre façon de travailler bien au-delà du sujet de départ.
"""

# « feminine | masculine »
ROLES = """
directrice générale des services | directeur général des services
directrice générale adjointe | directeur général adjoint
cheffe de projet innovation | chef de projet innovation
chargée de mission participation | chargé de mission participation
agente d’accueil | agent d’accueil
responsable de service | responsable de service
élue déléguée à la démocratie locale | élu délégué à la démocratie locale
adjointe au maire | adjoint au maire
designer de service | designer de service
travailleuse sociale | travailleur social
encadrante de proximité | encadrant de proximité
conseillère numérique | conseiller numérique
agente de terrain | agent de terrain
directrice de la transformation | directeur de la transformation
habitante du quartier | habitant du quartier
usagère du service | usager du service
"""

# Who ran the sessions, « feminine | masculine ».
FACILITATOR_ROLES = """
cheffe de projet innovation | chef de projet innovation
designer de service | designer de service
consultante en innovation publique | consultant en innovation publique
facilitatrice formée aux démarches participatives | facilitateur formé aux démarches
+ participatives
chargée de mission au laboratoire d’innovation | chargé de mission au laboratoire d’innovation
"""

NEIGHBOURS = """
Les équipes {de_neighbour}, commune voisine, ont été invitées à partager leur propre expérience.
Une visite d’étude {at_neighbour}, qui avait mené un projet comparable, a nourri la réflexion.
Des agents {de_neighbour} ont rejoint le groupe de travail en cours de route.
Le projet s’est inspiré d’une démarche conduite quelques années plus tôt {at_neighbour}.
"""

FACILITATION = """
L’animation a été confiée à {person}, {role}.
{Person}, {role}, a conçu et animé les séances.
Les ateliers ont été préparés avec {person}, {role}.
"""

FEMALE_NAMES = (
    "Camille Nadia Julie Sophie Claire Élodie Inès Aurélie Fatou Hélène Maëlle Céline Sandrine "
    "Anne Lucie Amandine Léa Manon Nathalie Samia Gwenaëlle Karine Chloé Yasmina Bérénice Solène"
).split()
MALE_NAMES = (
    "Thomas Karim Nicolas Yannick Mathieu Laurent Sébastien Olivier Romain Jérôme Mehdi Pierre "
    "Vincent Franck Damien Bruno Hugo Gilles Erwan Antoine Rachid Florian Thibault Marc Loïc"
).split()
LAST_NAMES = (
    "Martin Bernard Dubois Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre "
    "Michel Garcia Bertrand Roux Vincent Fournier Morel Girard Mercier Dupont Lambert Bonnet "
    "Legrand Garnier Faure Rousseau Blanc Guérin Muller Roussel Perrin Morin Mathieu Clément "
    "Gauthier Fontaine Chevalier Robin Benali Nguyen Diallo Haddad Kerbrat Etcheverry Pujol "
    "Le Gall Da Silva Lemaire"
).split(" ")

ACTORS = """
{name}
Caisse d’allocations familiales {dd}
CNFPT
Banque des Territoires
Agence nationale de la cohésion des territoires
Centre social {dc}
Mission locale {dc}
France Travail
Association des maires {dd}
Conseil de développement {dc}
Chambre de commerce et d’industrie {dd}
Agence d’urbanisme {dc}
Collectif d’habitants {dc}
Fédération des centres sociaux {dd}
Réseau régional des innovateurs publics
"""

FACILITATORS = """
Mission innovation {de_subject}
Laboratoire d’innovation territoriale
Équipe de designers en résidence
Coopérative de facilitation Ricochets
Agence de design de services Pas de côté
"""

FOLLOW_UPS = """
Le dispositif a été pérennisé et intégré au budget de l’année suivante.
La démarche a été étendue à {k} autres services.
Une évaluation indépendante a confirmé les premiers résultats.
L’équipe projet a été dissoute après le départ de sa cheffe de projet, mais les outils créés
+ restent utilisés.
La solution testée a été abandonnée faute de financement ; les enseignements ont nourri un
+ nouveau projet.
Le projet a été distingué lors d’un prix régional de l’innovation publique.
Un second cycle d’ateliers a été organisé avec {users2}.
La méthode a été reprise par {k} collectivités voisines.
Les agents ayant participé forment désormais leurs collègues à la démarche.
Un poste de chargé de mission a été créé pour poursuivre le travail engagé.
Le projet a inspiré la feuille de route de transformation adoptée l’année suivante.
"""

SOURCES = """
Compte rendu de la démarche, {name}
Bilan de l’expérimentation publié par {subject}
Article de la lettre d’information interne {de_subject}
Présentation lors d’une rencontre régionale de l’innovation publique
Délibération sur la généralisation du dispositif, {name}
Support de restitution aux participants
Retour d’expérience publié sur le site {de_subject}
Note de synthèse remise à la direction générale, {name}
"""

# Generic goals of a method sequence, by the slug of its phase.
PHASE_GOALS = {
    "comprendre": "faire émerger les besoins {de_users}|recueillir la parole {de_users} et des "
    "agents|mettre à plat les irritants du parcours|partager un diagnostic commun|observer le "
    "service tel qu’il est vraiment rendu",
    "definir": "formuler le problème à résoudre|hiérarchiser les constats|choisir les priorités "
    "du projet|cadrer le périmètre de l’expérimentation",
    "imaginer": "produire un maximum d’idées en peu de temps|explorer des pistes inattendues|"
    "croiser les idées des agents et {de_users}",
    "prototyper": "donner une forme concrète aux propositions|construire une première maquette "
    "du futur service",
    "tester": "confronter les premières idées à {users}|mesurer ce qui fonctionne avant de "
    "généraliser",
    "deployer": "préparer la généralisation du dispositif|organiser le passage de relais aux "
    "équipes",
    "capitaliser": "prendre du recul sur le travail accompli|tirer les enseignements de la "
    "démarche|garder une trace des décisions",
    "*": "faire travailler ensemble agents et usagers|avancer sur {object}",
}

# Method sheets: « @title | phase slugs | duration min max | participants min max |
# difficulty 0–2 », then W what it is (summary), O objective, B what it helps to do
# (infinitive), S steps (in order), M materials.
METHODS = """
@Carte d’empathie | comprendre definir | 30 90 | 3 12 | 0
W un canevas en quatre zones pour se mettre à la place d’un usager : ce qu’il dit, pense, fait
+ et ressent
O Partager ce que l’équipe sait vraiment d’un usager, distinguer les faits des suppositions et
+ repérer ce qu’il faudra aller vérifier sur le terrain.
B se mettre à la place d’un usager avant de concevoir quoi que ce soit
S Choisir un usager type à partir de situations réellement observées
S Dessiner le canevas en quatre zones sur une grande feuille
S Remplir chaque zone en silence, un post-it par idée
S Lire les post-it à voix haute et regrouper ceux qui se ressemblent
S Entourer les suppositions qui demandent à être vérifiées
M Un grand canevas imprimé ou dessiné au tableau
M Des post-it de deux couleurs

@Personas | comprendre definir | 60 120 | 3 10 | 0
W des portraits d’usagers fictifs mais fondés sur des données réelles, pour garder en tête la
+ diversité des publics
O Donner un visage aux publics d’un service, afin que chaque décision soit discutée à partir de
+ situations concrètes plutôt que d’un usager moyen qui n’existe pas.
B garder la diversité des usagers en tête pendant tout un projet
S Rassembler les données disponibles : entretiens, statistiques, remontées des agents d’accueil
S Repérer trois à cinq profils contrastés
S Rédiger pour chaque profil un portrait court : situation, besoins, freins, citation marquante
S Relire les portraits avec des agents de terrain pour corriger les clichés
S Afficher les portraits dans l’espace du projet
M Des gabarits de portrait imprimés
M Les synthèses d’entretiens déjà réalisés

@Parcours usager | comprendre definir | 90 180 | 4 15 | 1
W une frise qui retrace, étape par étape, ce que vit un usager avant, pendant et après son
+ contact avec le service
O Rendre visible l’ensemble du parcours d’un usager, repérer les moments de rupture et les
+ irritants, et choisir où agir en priorité.
B repérer les ruptures d’un parcours qui traverse plusieurs services
S Définir le début et la fin du parcours étudié
S Lister les étapes sur une frise, du premier besoin à la résolution
S Noter pour chaque étape ce que fait l’usager, les outils utilisés et les services impliqués
S Placer une courbe d’émotion au-dessus de la frise
S Entourer les trois moments les plus critiques
M Un rouleau de papier kraft de plusieurs mètres
M Des post-it et des gommettes de couleur

@Marche exploratoire | comprendre | 90 180 | 6 20 | 1
W une visite à pied d’un quartier ou d’un équipement, en petit groupe, pour observer les lieux
+ avec ceux qui les pratiquent
O Observer un lieu tel qu’il est vécu, avec ses habitants ou ses usagers, et recueillir sur
+ place des constats précis et localisés.
B relever sur place ce qui gêne ou rassure les usagers d’un lieu
S Définir un itinéraire avec des personnes qui pratiquent le lieu
S Constituer des groupes de cinq à huit personnes avec un animateur
S Marcher en s’arrêtant aux points repérés, noter et photographier les constats
S Revenir en salle pour reporter les constats sur une carte
S Classer les constats par urgence et par responsable
M Un plan du parcours imprimé
M Des fiches de relevé et des appareils photo

@World café | imaginer comprendre | 90 180 | 12 80 | 1
W une conversation en petites tables qui changent de composition, pour croiser les idées d’un
+ grand groupe
O Faire circuler les idées dans un grand groupe en multipliant les conversations en petit
+ comité, et faire émerger des pistes partagées.
B faire travailler un grand groupe comme s’il était petit
S Préparer deux ou trois questions ouvertes, une par tour
S Installer des tables de quatre à six personnes avec une nappe en papier
S Lancer le premier tour de vingt minutes : chacun écrit et dessine sur la nappe
S Faire changer les participants de table, sauf un hôte qui résume les échanges précédents
S Rassembler le groupe pour une synthèse des idées fortes
M Des nappes en papier et des feutres à chaque table
M Une cloche ou un signal pour changer de tour

@Forum ouvert | imaginer definir | 240 480 | 20 200 | 2
W une rencontre sans ordre du jour préalable où les participants proposent et animent
+ eux-mêmes les ateliers
O Traiter en une journée toutes les questions qu’un grand groupe juge importantes sur un sujet
+ complexe, en s’appuyant sur l’initiative des participants.
B libérer l’initiative d’un groupe sur un sujet qui le concerne
S Formuler un thème d’ensemble ouvert et mobilisateur
S Expliquer les principes et la loi des deux pieds : chacun va là où il se sent utile
S Ouvrir le mur des propositions, où chacun peut inscrire un atelier
S Laisser les ateliers se dérouler en parallèle, chacun produisant un compte rendu
S Rassembler les comptes rendus et prioriser les suites
M Un grand mur d’affichage avec une grille des créneaux et des salles
M Des feuilles de compte rendu vierges

@Photolangage | comprendre | 45 90 | 5 15 | 0
W un exercice où chacun choisit une photographie pour exprimer son point de vue sur une
+ question
O Faciliter l’expression de chacun, y compris des plus réservés, en passant par l’image pour
+ parler d’un vécu ou d’une représentation.
B faire parler un groupe qui n’a pas l’habitude de s’exprimer
S Étaler une cinquantaine de photographies variées sur une table
S Poser la question et laisser chacun choisir une image en silence
S Faire présenter à chacun son image et ce qu’elle évoque pour lui
S Noter les mots et les thèmes qui reviennent
M Une collection de photographies variées
M Un tableau pour noter les mots clés

@Brainstorming inversé | imaginer | 30 60 | 4 15 | 0
W un remue-méninges qui cherche d’abord comment aggraver le problème, pour mieux en déduire
+ les solutions
O Débloquer la créativité d’un groupe en l’invitant à imaginer le pire, puis à retourner
+ chaque mauvaise idée en piste d’amélioration.
B débloquer un groupe qui tourne en rond
S Énoncer le problème à l’envers : comment rendre la situation encore pire ?
S Produire un maximum d’idées en dix minutes, sans censure
S Regrouper les idées par familles
S Retourner chaque idée en son contraire
S Choisir les pistes les plus prometteuses
M Des post-it et des feutres
M Un mur ou un tableau blanc

@Six chapeaux de la réflexion | imaginer definir | 60 90 | 4 12 | 1
W une discussion où le groupe adopte tour à tour six manières de penser : faits, émotions,
+ risques, bénéfices, idées et organisation
O Examiner une question ou une proposition sous tous ses angles, en évitant que la discussion
+ se résume à l’affrontement des avis.
B examiner une proposition sous tous ses angles
S Présenter la question et les six chapeaux
S Commencer par les faits : ce que l’on sait, ce qui manque
S Passer successivement aux émotions, aux risques, aux bénéfices et aux idées nouvelles
S Garder le dernier chapeau pour organiser les suites
S Faire la synthèse de ce que chaque angle a apporté
M Six cartons de couleur ou des chapeaux symboliques
M Un tableau divisé en six colonnes

@Huit idées en huit minutes | imaginer prototyper | 20 45 | 3 12 | 0
W un exercice de croquis rapides où chaque participant dessine huit idées en huit minutes
O Produire très vite un grand nombre d’idées visuelles, dépasser les premières idées évidentes
+ et donner à chacun une chance égale de contribuer.
B produire des idées visuelles en un temps très court
S Rappeler le problème à résoudre en une phrase
S Plier une feuille en huit cases
S Dessiner une idée par case, une minute par idée
S Présenter ses croquis en une minute
S Voter avec des gommettes pour les idées à approfondir
M Des feuilles A3 et des feutres épais
M Un minuteur

@Storyboard de service | prototyper | 60 120 | 3 10 | 1
W une bande dessinée en quelques cases qui raconte l’expérience d’un usager avec un futur
+ service
O Rendre concrète une idée de service en racontant, case après case, ce que vivra l’usager,
+ pour la discuter et la tester avant de la construire.
B rendre une idée de service concrète avant de la construire
S Choisir l’idée et l’usager dont on raconte l’histoire
S Découper l’histoire en six à huit moments clés
S Dessiner chaque moment, même sommairement, avec une légende
S Présenter la planche à des personnes extérieures au groupe
S Noter les questions et les incompréhensions pour ajuster
M Des planches vierges de six à huit cases
M Des feutres et des crayons

@Maquette papier | prototyper tester | 60 180 | 2 8 | 0
W une version en papier d’un formulaire, d’un écran ou d’un document, assez simple pour être
+ modifiée en quelques minutes
O Tester très tôt l’ergonomie d’un formulaire, d’un courrier ou d’un écran auprès d’usagers,
+ avant tout développement coûteux.
B tester un formulaire ou un écran avant de le développer
S Lister les informations et les actions que l’usager doit trouver
S Dessiner la maquette à la main, un écran ou une page par feuille
S Faire réaliser une tâche précise à un usager avec la maquette
S Observer sans aider et noter les hésitations
S Corriger la maquette et recommencer avec un autre usager
M Du papier, des ciseaux, de la colle et des feutres
M Une grille d’observation

@Test de guérilla | tester | 60 240 | 2 6 | 1
W des tests très courts réalisés sur place auprès d’usagers rencontrés au hasard, dans une
+ salle d’attente ou un hall
O Obtenir en quelques heures des retours d’usagers réels sur un prototype, sans recrutement ni
+ laboratoire de test.
B obtenir en quelques heures l’avis d’usagers réels
S Préparer le prototype et trois questions simples
S S’installer là où passent les usagers, avec l’accord du responsable du lieu
S Aborder les personnes, expliquer la démarche et demander leur accord
S Faire tester le prototype cinq minutes et noter les réactions
S Débriefer en équipe à chaud et décider des corrections
M Le prototype à tester
M Une fiche de consentement et une grille de notes

@Jeu de rôle | prototyper tester | 45 120 | 4 20 | 1
W une mise en situation où des participants jouent l’usager, l’agent et leurs interlocuteurs
+ pour éprouver un service
O Éprouver un futur service ou une situation difficile en la jouant, pour en repérer les
+ failles et les gestes professionnels à préparer.
B éprouver un service ou une situation difficile en la jouant
S Écrire deux ou trois scénarios courts à partir de situations réelles
S Distribuer les rôles et laisser quelques minutes de préparation
S Jouer la scène pendant que les autres observent avec une grille
S Échanger sur ce qui a fonctionné ou non
S Rejouer la scène en intégrant les améliorations
M Des fiches de rôle
M Une grille d’observation

@Théâtre forum | comprendre imaginer | 90 180 | 10 60 | 2
W une scène de conflit jouée devant le public, qui peut ensuite interrompre et remplacer un
+ personnage pour essayer une autre issue
O Mettre en débat une situation de blocage vécue par les participants et chercher
+ collectivement des façons d’agir.
B chercher collectivement des façons d’agir face à une situation bloquée
S Recueillir auprès du groupe des situations vécues
S Construire avec quelques volontaires une courte scène qui se termine mal
S Jouer la scène une première fois en entier
S La rejouer en invitant le public à crier « stop » et à remplacer un personnage
S Débattre des solutions essayées avec l’aide du meneur de jeu
M Un espace dégagé servant de scène
M Quelques accessoires simples

@Matrice impact-effort | definir deployer | 30 60 | 3 15 | 0
W un tableau à deux axes pour classer les idées selon leur impact attendu et l’effort qu’elles
+ demandent
O Choisir parmi de nombreuses idées celles à mettre en œuvre en premier, en rendant explicites
+ les critères de choix.
B choisir rapidement les idées à mettre en œuvre en premier
S Rappeler les idées à classer, une par post-it
S Tracer la matrice : impact en hauteur, effort en largeur
S Placer chaque idée en discutant collectivement de sa position
S Repérer les gains rapides, à fort impact et faible effort
S Désigner un responsable pour chaque idée retenue
M Un tableau ou une grande feuille
M Les idées déjà écrites sur des post-it

@Arbre à problèmes | definir comprendre | 60 120 | 4 15 | 1
W un schéma en forme d’arbre qui relie un problème central à ses causes, les racines, et à ses
+ effets, les branches
O Passer d’un constat global à une compréhension partagée des causes, pour agir sur les
+ racines plutôt que sur les symptômes.
B agir sur les causes d’un problème plutôt que sur ses symptômes
S Formuler le problème central en une phrase et le placer au centre
S Chercher les causes directes, puis les causes de ces causes
S Chercher les effets en remontant vers les branches
S Vérifier les liens de cause à effet un par un
S Choisir les racines sur lesquelles le projet peut agir
M Une grande feuille de papier kraft
M Des post-it de deux couleurs

@Questions « Comment pourrions-nous » | definir imaginer | 30 60 | 3 15 | 0
W un exercice qui transforme les constats en questions ouvertes commençant par « Comment
+ pourrions-nous »
O Reformuler les problèmes repérés en questions qui ouvrent des pistes d’action, ni trop
+ larges ni trop étroites.
B passer des constats aux questions sur lesquelles travailler
S Relire les principaux constats de la phase d’enquête
S Écrire pour chaque constat plusieurs questions « Comment pourrions-nous »
S Comparer les formulations et écarter celles qui contiennent déjà la solution
S Voter pour les questions les plus inspirantes
S Afficher les questions retenues pour la phase d’idéation
M Des post-it et des feutres
M Les synthèses des entretiens ou des observations

@Speed boat | capitaliser definir | 45 90 | 4 20 | 0
W un dessin de bateau qui permet à une équipe de nommer ce qui la fait avancer, ce qui la
+ freine et les écueils à venir
O Faire le point avec une équipe sur un projet en cours : ce qui porte, ce qui freine, les
+ risques à anticiper, et en tirer des actions.
B faire le point sur un projet en cours de manière visuelle et détendue
S Dessiner un bateau, des ancres, du vent, des rochers et une île
S Rappeler l’objectif du projet, représenté par l’île
S Faire écrire sur des post-it ce qui pousse, le vent, et ce qui freine, les ancres
S Ajouter les risques à venir, les rochers
S Choisir deux ou trois actions pour lever les principaux freins
M Un grand dessin au tableau
M Des post-it de trois couleurs

@Revue après action | capitaliser | 30 90 | 3 15 | 0
W un débriefing structuré en quatre questions : ce qui était prévu, ce qui s’est passé,
+ pourquoi, et ce qu’on en retient
O Tirer rapidement les leçons d’une action terminée, sans chercher de coupable, pour améliorer
+ la prochaine.
B tirer les leçons d’une action juste après l’avoir menée
S Rappeler ce qui était prévu : objectifs, calendrier, rôles
S Reconstituer ce qui s’est réellement passé, dans l’ordre
S Chercher ensemble les raisons des écarts
S Formuler les enseignements à garder et ceux à changer
S Consigner les décisions et les diffuser à l’équipe
M Une frise chronologique au tableau
M Un gabarit de compte rendu

@Hackathon | prototyper imaginer | 960 2880 | 20 150 | 2
W une rencontre de un à trois jours où des équipes mixtes conçoivent et prototypent des
+ solutions à des défis posés
O Réunir en peu de temps des compétences variées, agents, habitants, développeurs,
+ designers, autour de défis concrets et aboutir à des prototypes.
B obtenir des prototypes en quelques jours grâce à des équipes mixtes
S Définir trois à six défis précis avec les services concernés
S Préparer les données et les ressources utiles à chaque défi
S Constituer des équipes mixtes et les accompagner par des mentors
S Organiser des points d’étape réguliers
S Faire présenter les prototypes devant un jury et décider des suites
M Des salles de travail équipées
M Les jeux de données et documents nécessaires

@Sprint de conception | prototyper tester definir | 1200 2400 | 4 8 | 2
W une semaine de travail intensif d’une petite équipe pour passer d’un problème à un
+ prototype testé auprès d’usagers
O Répondre en cinq jours à une question importante, de la compréhension du problème au test
+ d’un prototype avec des usagers.
B répondre en quelques jours à une question importante
S Le lundi, cartographier le problème et choisir une cible
S Le mardi, esquisser des solutions individuellement
S Le mercredi, choisir la meilleure et construire le scénario
S Le jeudi, réaliser un prototype réaliste
S Le vendredi, le tester auprès de cinq usagers
M Une salle réservée toute la semaine
M Du matériel de prototypage

@Cartographie des irritants | comprendre | 60 120 | 4 20 | 0
W un relevé collectif de tout ce qui agace, ralentit ou décourage les usagers et les agents
+ dans un service
O Recenser les irritants d’un service, du point de vue des usagers comme des agents, et
+ choisir ceux que l’on peut lever rapidement.
B recenser ce qui agace usagers et agents pour agir vite
S Recueillir des irritants auprès des usagers et des agents, une phrase par irritant
S Les regrouper par étape du service
S Estimer la fréquence et la gêne de chaque irritant
S Distinguer ce qui relève de l’équipe et ce qui la dépasse
S Choisir trois irritants à lever dans le mois
M Des post-it et un grand mur
M Des verbatims recueillis auparavant

@Journal de bord usager | comprendre | 60 240 | 5 20 | 1
W un carnet que des usagers volontaires remplissent pendant quelques semaines pour raconter
+ leur expérience au quotidien
O Comprendre l’expérience d’usagers dans la durée et dans leur contexte, là où l’enquêteur ne
+ peut pas être présent.
B comprendre une expérience qui s’étale dans le temps
S Recruter des volontaires variés et recueillir leur accord
S Concevoir un carnet simple, papier ou numérique, avec des consignes courtes
S Relancer les volontaires régulièrement pendant la période
S Rencontrer chacun à la fin pour commenter son carnet
S Analyser les carnets en équipe et en tirer des constats
M Des carnets ou une application de messagerie
M Une lettre d’information et de consentement

@Immersion en service | comprendre | 240 480 | 1 6 | 0
W une journée ou une demi-journée passée aux côtés des agents d’un service pour observer leur
+ travail réel
O Comprendre le travail réel d’un service, ses contraintes et ses astuces, avant de prétendre
+ le transformer.
B comprendre le travail réel avant de le transformer
S Obtenir l’accord du service et expliquer ce qui sera observé
S Passer le temps prévu aux côtés des agents, en posant des questions
S Noter les faits, les outils, les contournements et les interruptions
S Restituer ses observations à l’équipe observée
S Partager les enseignements avec l’équipe projet
M Un carnet d’observation
M Une tenue adaptée au terrain

@Pitch et vote | definir deployer | 45 120 | 10 60 | 0
W une séance où chaque porteur d’idée la présente en trois minutes avant un vote du groupe
O Faire connaître rapidement un grand nombre de projets ou d’idées et choisir ceux qui seront
+ soutenus, de manière transparente.
B choisir de manière transparente parmi de nombreuses idées
S Fixer les critères de choix et les annoncer à l’avance
S Faire présenter chaque idée en trois minutes, sur un modèle commun
S Laisser un temps de questions
S Faire voter les participants selon les critères
S Annoncer les résultats et les prochaines étapes
M Un modèle de présentation commun
M Des bulletins ou un outil de vote

@Design fiction | imaginer | 90 240 | 5 20 | 2
W la création d’objets ou de récits venus d’un futur possible, pour débattre aujourd’hui de ce
+ futur
O Rendre tangible un futur possible pour en débattre, en mettant en discussion ses
+ conséquences désirables et indésirables.
B débattre concrètement d’un futur possible
S Choisir une tendance ou un signal faible à explorer
S Imaginer une situation de la vie quotidienne dans ce futur
S Fabriquer un objet ou un document qui en témoigne : affiche, courrier, article de journal
S Présenter ces objets à un public extérieur
S Débattre des futurs souhaitables et de ce qu’il faut faire dès maintenant
M Du matériel de fabrication et de mise en page
M Des exemples de signaux faibles

@Fresque des futurs | imaginer capitaliser | 120 180 | 6 30 | 1
W une grande fresque collective où le groupe dessine plusieurs avenirs possibles du territoire
+ à vingt ans
O Construire ensemble des récits d’avenir contrastés pour éclairer les choix d’aujourd’hui.
B construire ensemble des récits d’avenir contrastés
S Rappeler les grandes tendances qui pèsent sur le territoire
S Former des groupes chargés chacun d’un scénario
S Dessiner le scénario sur une fresque avec ses étapes
S Présenter les fresques et comparer les futurs
S Repérer les décisions à prendre dès maintenant
M Un rouleau de papier et des feutres
M Des fiches de tendances

@Groupe d’interviews mutuelles | comprendre capitaliser | 60 120 | 6 24 | 1
W un exercice de l’éducation populaire où les participants s’interviewent en trio, chacun à
+ tour de rôle
O Faire émerger les savoirs et les expériences de chacun sur une question, par une écoute
+ attentive et sans jugement.
B faire émerger les savoirs de chacun par l’écoute
S Former des trios et expliquer les trois rôles : interviewé, intervieweur, secrétaire
S Faire tourner les rôles, dix minutes par interview
S Mettre en commun les réponses dans chaque trio
S Restituer en grand groupe les idées principales
S Conclure par ce que chacun retient
M Une question d’interview préparée
M Des feuilles de prise de notes

@Lecture collective des données | comprendre tester | 60 120 | 4 15 | 1
W une séance où agents et usagers lisent ensemble des tableaux et des graphiques pour les
+ interpréter
O Partager la lecture d’indicateurs avec ceux qui vivent la situation, pour éviter les
+ contresens et repérer ce que les chiffres ne disent pas.
B interpréter des indicateurs avec ceux qui vivent la situation
S Choisir trois ou quatre graphiques simples et lisibles
S Les présenter sans commentaire et recueillir les premières réactions
S Demander aux participants ce qui les surprend et ce qui manque
S Confronter les interprétations
S Noter les questions auxquelles les données devront répondre
M Des graphiques imprimés en grand format
M Des post-it pour les annotations

@Carte mentale collective | imaginer comprendre | 30 60 | 3 12 | 0
W un schéma qui part d’un mot central et se ramifie en idées associées, construit par tout le
+ groupe
O Explorer un sujet dans toutes ses dimensions et organiser les idées d’un groupe autour d’un
+ thème central.
B explorer un sujet dans toutes ses dimensions
S Écrire le sujet au centre d’une grande feuille
S Tracer les grandes branches avec le groupe
S Ajouter les idées secondaires sur chaque branche
S Relier les idées qui se répondent d’une branche à l’autre
S Repérer les branches à approfondir
M Une grande feuille ou un tableau blanc
M Des feutres de plusieurs couleurs

@Plan d’expérimentation | tester deployer | 60 120 | 3 10 | 1
W une grille qui précise l’hypothèse testée, le périmètre, la durée, les indicateurs et les
+ critères de décision d’une expérimentation
O Cadrer une expérimentation pour savoir, à son terme, s’il faut la généraliser, l’ajuster ou
+ l’arrêter.
B décider sur des faits s’il faut généraliser une expérimentation
S Formuler l’hypothèse à vérifier en une phrase
S Définir le périmètre, la durée et les personnes concernées
S Choisir deux ou trois indicateurs et leur mode de recueil
S Fixer à l’avance les seuils de décision
S Programmer le bilan et désigner qui décidera
M Un gabarit de plan d’expérimentation
M Les données de départ

@Café des usagers | comprendre tester | 60 120 | 6 25 | 0
W une rencontre conviviale et informelle entre agents et usagers autour d’un café, sur un
+ thème donné
O Créer un moment d’échange détendu entre agents et usagers pour recueillir leurs avis et
+ tester des idées.
B recueillir l’avis des usagers dans un cadre détendu
S Choisir un lieu familier des usagers et un horaire adapté
S Inviter largement, par affiches et bouche-à-oreille
S Accueillir autour de quelques questions affichées
S Laisser les échanges se dérouler par petites tables
S Noter les idées et annoncer les suites
M Du café, des boissons et de quoi grignoter
M Des affiches d’invitation

@Jury citoyen | definir deployer | 480 1440 | 12 30 | 2
W un groupe d’habitants tirés au sort qui s’informe, délibère et rend un avis sur une question
+ publique
O Obtenir un avis éclairé et argumenté de citoyens ordinaires sur une question controversée.
B obtenir l’avis argumenté de citoyens ordinaires
S Formuler la question posée et s’engager sur les suites données
S Tirer au sort les membres en veillant à la diversité
S Organiser l’audition d’experts et de parties prenantes
S Animer la délibération en petits groupes puis en plénière
S Rédiger l’avis avec le jury et le remettre publiquement
M Une salle pour plusieurs séances
M Un dossier d’information pour les jurés

@Porte-à-porte participatif | comprendre | 120 240 | 4 20 | 1
W des binômes d’agents ou de bénévoles qui vont frapper aux portes pour recueillir l’avis des
+ habitants
O Toucher les habitants qui ne viennent jamais aux réunions publiques en allant à leur
+ rencontre chez eux.
B toucher les habitants absents des réunions publiques
S Préparer un questionnaire court et un document de présentation
S Former les binômes à l’écoute et à la présentation du projet
S Définir les secteurs à couvrir et les horaires de passage
S Frapper aux portes et noter les réponses
S Analyser les réponses et les restituer aux habitants
M Des badges et un document de présentation
M Des questionnaires imprimés

@Arpentage | comprendre capitaliser | 90 180 | 5 20 | 1
W une lecture collective d’un ouvrage ou d’un rapport découpé en morceaux, chacun lisant une
+ partie avant de la restituer
O S’approprier collectivement un texte long ou difficile en un temps court, et en débattre à
+ partir des lectures de chacun.
B s’approprier collectivement un texte long
S Découper physiquement le document en autant de parties que de participants
S Laisser chacun lire sa partie en silence
S Faire restituer chaque partie en quelques minutes, dans l’ordre
S Débattre des idées qui ont marqué le groupe
S Noter les questions que le texte laisse ouvertes
M Plusieurs exemplaires du document, dont un à découper
M Des feuilles de notes

@Tri de cartes | definir tester | 30 90 | 1 10 | 0
W un exercice où des usagers classent des cartes portant des contenus, pour révéler la façon
+ dont ils les organisent
O Comprendre comment les usagers regroupent et nomment les informations, pour organiser un
+ site, un guichet ou un document.
B organiser un site ou un document selon la logique des usagers
S Écrire chaque contenu ou service sur une carte
S Demander à un usager de regrouper les cartes comme il l’entend
S Lui faire nommer chaque groupe
S Répéter avec une dizaine d’usagers
S Comparer les classements et en déduire une organisation
M Une quarantaine de cartes
M Une fiche de relevé
"""

# « qualifier | effect | sentence added to the objective ». Effects: short, large, remote.
QUALIFIERS = """
en distanciel | remote | Cette variante se déroule entièrement à distance, avec un tableau
+ blanc en ligne et des salles de sous-groupes.
en format court | short | Cette variante, ramenée à l’essentiel, tient dans une pause
+ méridienne ou une fin de réunion.
en grand groupe | large | Cette variante s’adresse à une assemblée nombreuse, répartie en
+ tables animées par des volontaires.
avec des usagers | - | Dans cette variante, des usagers participent à parts égales avec les
+ agents, ce qui suppose de soigner l’accueil et le vocabulaire.
pour les équipes d’accueil | - | Cette variante part des situations vécues au guichet et au
+ téléphone.
pour les élus | - | Cette variante est pensée pour un temps court avec des élus, autour d’une
+ décision à éclairer.
pour un comité de direction | short | Cette variante s’insère dans un comité de direction sans
+ en bouleverser l’ordre du jour.
en binôme | - | Cette variante se pratique en binôme, chacun jouant tour à tour les deux rôles.
sur le terrain | - | Cette variante se déroule hors de la salle de réunion, là où le service
+ est rendu.
pour les projets d’aménagement | large | Cette variante s’appuie sur des plans et des photos du
+ site concerné.
pour les achats publics | - | Cette variante aide acheteurs et prescripteurs à partager leur
+ compréhension du besoin.
en milieu rural | - | Cette variante tient compte des distances et mise sur des rendez-vous
+ peu nombreux mais longs.
entre services | - | Cette variante réunit des agents de plusieurs directions autour d’un même
+ usager.
pour les nouveaux arrivants | short | Cette variante sert aussi à accueillir de nouveaux agents
+ dans une équipe.
avec des jeunes | - | Dans cette variante, le vocabulaire et le rythme sont adaptés à un public
+ de collégiens ou de lycéens.
"""

OPENING_STEPS = """
Accueillir les participants et rappeler l’objectif de la séance
Présenter le déroulé, les règles du jeu et le temps imparti
Former les groupes en mélangeant les services et les fonctions
Faire un rapide tour de présentation pour que chacun dise ce qu’il attend
Rappeler le contexte du projet et ce qui a déjà été fait
"""

CLOSING_STEPS = """
Faire la synthèse des productions et valider les prochaines étapes
Recueillir à chaud l’avis des participants sur la séance
Photographier les productions et envoyer un compte rendu dans la semaine
Désigner qui porte chaque suite et à quelle échéance
Remercier les participants et leur dire ce que deviendront leurs contributions
"""

TIPS = """
Tester le déroulé avec des collègues avant la séance.
Prévoir un co-animateur pour gérer le temps et noter les échanges.
Inviter des personnes extérieures au service pour élargir les points de vue.
Afficher l’objectif de la séance en grand, visible de tous.
Alterner les temps individuels et collectifs pour laisser chacun réfléchir.
Garder une marge de quinze minutes : les échanges prennent toujours plus de temps que prévu.
Annoncer dès le départ ce que deviendront les productions.
Choisir une salle lumineuse, avec des murs libres pour afficher.
Limiter le jargon et expliquer chaque terme technique.
Photographier les productions, avec l’accord des participants.
Veiller à ce que chacun puisse s’exprimer, y compris les plus discrets.
Préparer des exemples concrets pour lancer chaque exercice.
Adapter le rythme au groupe plutôt que de suivre le minutage à la lettre.
Mélanger les niveaux hiérarchiques pour croiser les regards.
Prévoir une pause au milieu de la séance.
Envoyer un court compte rendu dans les jours qui suivent.
Associer un décideur à la restitution pour donner du poids aux propositions.
Garder une trace des idées écartées : elles pourront resservir.
Préparer des consignes écrites pour les groupes qui travaillent en autonomie.
Commencer par une question facile pour mettre le groupe en confiance.
Faire reformuler la consigne par un participant pour vérifier qu’elle est comprise.
"""

PITFALLS = """
Vouloir tout traiter en une seule séance.
Laisser une personne monopoliser la parole.
Présenter une décision déjà prise comme une question ouverte.
Oublier de dire aux participants ce que sont devenues leurs idées.
Confondre le nombre de post-it avec la qualité des idées.
Réunir uniquement des cadres pour parler du travail des agents de terrain.
Négliger la logistique : salle trop petite, matériel manquant, horaires inadaptés.
Passer trop vite à la solution sans avoir compris le problème.
Transformer la séance en réunion d’information descendante.
Sous-estimer le temps de synthèse après la séance.
Choisir une question trop large pour être traitée.
Enchaîner les exercices sans laisser de temps de respiration.
Promettre des suites que personne n’a le pouvoir d’engager.
Utiliser la méthode pour elle-même, sans lien avec un besoin réel.
Inviter des usagers sans les remercier ni les tenir informés.
Laisser les productions dans un placard après la séance.
Corriger les idées des participants au lieu de les faire préciser.
Multiplier les consignes au point de perdre le groupe.
"""

CAUTIONS = """
Recueillir l’accord des participants avant toute photographie ou tout enregistrement (droit à
+ l’image).
Ne conserver que les données personnelles nécessaires et informer les personnes de leurs droits
+ (RGPD).
Prévoir une salle accessible aux personnes à mobilité réduite.
Remercier, voire indemniser, les usagers qui donnent de leur temps.
Veiller à ce que la participation reste volontaire, surtout en présence de la hiérarchie.
Anonymiser les verbatims avant toute diffusion.
Ne pas laisser croire aux usagers qu’un service testé sera forcément mis en place.
Adapter les supports aux personnes qui lisent difficilement le français.
Vérifier les autorisations parentales pour accueillir un public mineur.
Respecter le temps de travail des agents qui participent en dehors de leurs horaires.
En distanciel, choisir un outil conforme aux règles de sécurité de la structure.
Prévoir un temps de décompression après des échanges sur des situations difficiles.
"""

# When to use a method, by the slug of one of its phases.
WHY_SITUATIONS = {
    "comprendre": "Quand un projet démarre et que l’équipe manque de recul sur le vécu des "
    "usagers|Quand il faut associer des publics qui ne viennent jamais aux réunions|Quand une "
    "décision doit être éclairée par l’expérience de terrain",
    "definir": "Au lancement d’une démarche, quand les attentes des uns et des autres restent "
    "floues|Quand un groupe doit décider vite sans sacrifier la qualité du débat",
    "imaginer": "Lorsque les échanges en réunion tournent toujours autour des mêmes avis|Quand "
    "un groupe manque d’idées neuves",
    "prototyper": "Quand une idée séduisante doit prendre forme avant d’être discutée|Avant "
    "d’engager des moyens dans le développement d’une solution",
    "tester": "Avant de généraliser une solution, quand il faut vérifier qu’elle convient aux "
    "usagers|Quand les avis divergent et que seuls les faits peuvent trancher",
    "deployer": "Lorsqu’une équipe a accumulé beaucoup d’idées et doit en choisir quelques-unes|"
    "Quand une solution testée doit passer à l’échelle",
    "capitaliser": "À la fin d’un projet, quand il est temps d’en tirer les leçons|À "
    "mi-parcours, quand l’équipe a besoin de prendre du recul",
    "*": "Quand un groupe a besoin d’un cadre simple pour avancer ensemble",
}

WHY_EXTRAS = """
Elle demande peu de préparation et s’adapte à la plupart des contextes.
Elle se combine facilement avec d’autres fiches de la même phase.
Elle produit des traces faciles à partager avec ceux qui n’étaient pas présents.
Son format la rend accessible à des groupes sans expérience de l’animation.
Elle gagne à être animée par une personne extérieure à l’équipe.
"""

GENERIC_MATERIALS = """
Des post-it et des feutres
Un minuteur
Un paperboard
Des gommettes pour voter
Un vidéoprojecteur
Un tableau blanc en ligne pour les participants à distance
Des badges nominatifs
Une salle modulable
"""

METHOD_SOURCES = """
Fiche pratique « {title} », boîte à outils de l’innovation publique
Guide d’animation des démarches participatives
Retour d’expérience d’un laboratoire d’innovation territoriale
Support de formation à l’animation de groupe
"""

RELATED_TIPS = """
Enchaîner avec la fiche [{title}]({url}) pour aller plus loin.
La fiche [{title}]({url}) prolonge utilement cet exercice.
Combiner avec [{title}]({url}) quand le temps le permet.
"""


# --- Bank parsing --------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    """Non-empty lines; a line starting with « + » continues the previous one."""
    out: list[str] = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("+ ") and out:
            out[-1] += " " + line[2:]
        else:
            out.append(line)
    return out


def _split(text: str, sep: str = "|") -> list[str]:
    return [part.strip() for part in text.split(sep)]


@dataclass(frozen=True)
class Policy:
    key: str
    name: str
    levels: tuple[str, ...]
    services: tuple[str, ...]
    users: tuple[str, ...]
    places: tuple[str, ...]
    objects: tuple[str, ...]
    problems: tuple[str, ...]
    results: tuple[str, ...]
    goals: tuple[str, ...]
    details: tuple[str, ...]


_POLICY_FIELDS = {
    "S": "services",
    "U": "users",
    "L": "places",
    "O": "objects",
    "P": "problems",
    "R": "results",
    "G": "goals",
    "D": "details",
}


def _parse_policies(text: str) -> dict[str, Policy]:
    raw: list[dict] = []
    for line in _lines(text):
        if line.startswith("@"):
            key, name, levels = _split(line[1:])
            raw.append({"key": key, "name": name, "levels": tuple(levels.split())})
            raw[-1].update({f: [] for f in _POLICY_FIELDS.values()})
        else:
            raw[-1][_POLICY_FIELDS[line[0]]].append(line[2:])
    return {
        item["key"]: Policy(**{k: tuple(v) if isinstance(v, list) else v for k, v in item.items()})
        for item in raw
    }


@dataclass(frozen=True)
class Department:
    region: str
    name: str  # with its article: « la Gironde »
    council: bool  # has a departmental council
    communes: tuple[str, ...]


def _parse_geography(text: str) -> list[Department]:
    out = []
    for line in _lines(text):
        region, name, communes = line.split(";")
        council = not name.startswith("*")
        out.append(Department(region, name.lstrip("*"), council, tuple(communes.split(","))))
    return out


@dataclass(frozen=True)
class Institution:
    name: str
    subject: str
    short: str
    policies: tuple[str, ...] | None  # None: the policies of the level
    national: bool


def _parse_institutions(text: str) -> dict[str, list[Institution]]:
    out: dict[str, list[Institution]] = {}
    level = ""
    for line in _lines(text):
        if line.startswith("@"):
            level = line[1:]
            out[level] = []
            continue
        parts = _split(line, ";")
        name, subject, short, policies = parts[:4]
        national = len(parts) > 4 and parts[4] == "national"
        out[level].append(
            Institution(
                name,
                subject,
                short,
                None if policies == "*" else tuple(policies.split()),
                national,
            )
        )
    return out


@dataclass(frozen=True)
class MethodBase:
    title: str
    phases: tuple[str, ...]
    duration: tuple[int, int]
    participants: tuple[int, int]
    difficulty: int
    what: str
    objective: str
    benefit: str
    steps: tuple[str, ...]
    materials: tuple[str, ...]


def _parse_methods(text: str) -> list[MethodBase]:
    out = []
    current: dict = {}

    def flush():
        if current:
            out.append(MethodBase(**current))

    for line in _lines(text):
        if line.startswith("@"):
            flush()
            title, phases, duration, participants, difficulty = _split(line[1:])
            d_lo, d_hi = map(int, duration.split())
            p_lo, p_hi = map(int, participants.split())
            current = {
                "title": title,
                "phases": tuple(phases.split()),
                "duration": (d_lo, d_hi),
                "participants": (p_lo, p_hi),
                "difficulty": int(difficulty),
                "steps": (),
                "materials": (),
            }
            continue
        code, value = line[0], line[2:]
        if code == "W":
            current["what"] = value
        elif code == "O":
            current["objective"] = value
        elif code == "B":
            current["benefit"] = value
        elif code == "S":
            current["steps"] += (value,)
        elif code == "M":
            current["materials"] += (value,)
    flush()
    return out


def _parse_qualifiers(text: str) -> list[tuple[str, str, str]]:
    return [tuple(_split(line)) for line in _lines(text)]  # type: ignore[misc]


_POLICIES = _parse_policies(POLICIES)
_GEOGRAPHY = _parse_geography(GEOGRAPHY)
_INSTITUTIONS = _parse_institutions(INSTITUTIONS)
_METHOD_BASES = _parse_methods(METHODS)
_QUALIFIERS = _parse_qualifiers(QUALIFIERS)
_VERBS = [tuple(line.split("|")) for line in _lines(VERBS)]
_DECIDERS = {level: _split(names) for level, names in DECIDERS.items()}
_PHASE_GOALS = {phase: _split(goals) for phase, goals in PHASE_GOALS.items()}
_ROLES = [tuple(_split(line)) for line in _lines(ROLES)]
_METHOD_SENTENCES = [(line[0], line[2:]) for line in _lines(METHOD_SENTENCES)]
_FACILITATOR_ROLES = [tuple(_split(line)) for line in _lines(FACILITATOR_ROLES)]
_WHY_SITUATIONS = {phase: _split(text) for phase, text in WHY_SITUATIONS.items()}
_BANKS = {
    name: _lines(globals()[name])
    for name in (
        "TEAMS TITLES SUMMARIES WITH_CLAUSES OPENERS SECOND_PROBLEMS STAKES TRIGGERS "
        "THEME_SENTENCES DATE_SENTENCES FORMAT_SENTENCES SPANS REASONS FIELDWORK "
        "PROTOTYPES PROTOTYPE_SENTENCES OUTCOMES NEXT_STEPS SCOPES "
        "UNDOCUMENTED FILLERS LESSONS CHALLENGES SUCCESS_CONDITIONS QUOTES ACTORS NEIGHBOURS "
        "FACILITATION "
        "FACILITATORS FOLLOW_UPS SOURCES OPENING_STEPS CLOSING_STEPS TIPS PITFALLS CAUTIONS "
        "WHY_EXTRAS GENERIC_MATERIALS METHOD_SOURCES RELATED_TIPS"
    ).split()
}


# --- French helpers ----------------------------------------------------------------

_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ")
_H_ASPIRATE = ("haut", "hag", "ham", "han", "har", "has", "hall", "hiér", "hon")


def _elides(word: str) -> bool:
    if not word:
        return False
    if word[0] in _VOWELS:
        return True
    return word[0] in "hH" and not word.lower().startswith(_H_ASPIRATE)


def de(name: str) -> str:
    """« de » before a proper name: de Quimper, d’Angers, du Mans, des Abymes."""
    if name.startswith("Le "):
        return "du " + name[3:]
    if name.startswith("Les "):
        return "des " + name[4:]
    return ("d’" if _elides(name) else "de ") + name


def at(name: str) -> str:
    """« à » before a town: à Quimper, au Mans, aux Abymes."""
    if name.startswith("Le "):
        return "au " + name[3:]
    if name.startswith("Les "):
        return "aux " + name[4:]
    return "à " + name


def de_np(phrase: str) -> str:
    """« de » before a noun phrase: des familles, du service, de la régie, d’un guide."""
    for article, result in (
        ("les ", "des "),
        ("le ", "du "),
        ("la ", "de la "),
        ("l’", "de l’"),
        ("un ", "d’un "),
        ("une ", "d’une "),
        ("ses ", "de ses "),
    ):
        if phrase.startswith(article):
            return result + phrase[len(article) :]
    if phrase[:1].isupper():
        return de(phrase)
    return ("d’" if _elides(phrase) else "de ") + phrase


def de_word(text: str) -> str:
    """« de » before an infinitive or a bare noun: de tester, d’observer."""
    return ("d’" if _elides(text) else "de ") + text


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def uncap(text: str) -> str:
    """Lowercase the first letter, unless it starts an acronym (« DITP »)."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _french_date(parts: tuple[int, int | None, int | None]) -> str:
    year, month, day = parts
    if month is None:
        return f"en {year}"
    if day is None:
        return f"en {MONTHS[month - 1]} {year}"
    return f"le {'1er' if day == 1 else day} {MONTHS[month - 1]} {year}"


def _date_text(parts: tuple[int, int | None, int | None]) -> str:
    year, month, day = parts
    text = f"{year:04d}"
    if month:
        text += f"-{month:02d}"
    if day:
        text += f"-{day:02d}"
    return text


def _has_forbidden(text: str) -> bool:
    folded = fold(text)
    return any(phrase in folded for phrase in FORBIDDEN_IN_TITLES)


# Characters that a double-quoted YAML scalar cannot hold as they are.
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]')


def _q(value: str) -> str:
    """A YAML double-quoted scalar: a JSON string is one (escaped to ASCII when needed)."""
    if _NEEDS_ESCAPE.search(value):
        return json.dumps(value)
    return f'"{value}"'


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(_q(v) for v in values) + "]"


def _block(key: str, values: list[str]) -> list[str]:
    return [f"{key}:", *(f"  - {_q(v)}" for v in values)]


# Words left out of generated slugs, as people do when they name a file.
_SLUG_STOP_WORDS = frozenset(
    "a au aux avec d de des du en et l la le les pour quand sur un une ses son sa "
    "comment mise qu que sein".split()
)


def _short_slug(text: str) -> str:
    """A readable slug: the title's words without the small ones, 60 characters at most."""
    words = [w for w in slugify(text).split("-") if w not in _SLUG_STOP_WORDS]
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > MAX_SLUG:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug[:MAX_SLUG] or "cas"


# --- The real content --------------------------------------------------------------


@dataclass
class MethodRef:
    """A published method a generated file may point to."""

    slug: str
    title: str
    phases: tuple[str, ...]  # phase slugs


@dataclass
class RealContent:
    case_slugs: list[str]
    methods: list[MethodRef]
    identifiers: set[str]  # every slug and alias, both kinds


def read_real_content(root: Path, vocabulary: Vocabulary) -> RealContent:
    """The slugs, aliases and published methods already in ``root``."""
    case_slugs: list[str] = []
    methods: list[MethodRef] = []
    identifiers: set[str] = set()
    for path in source_files(root):
        folder, _, name = path.partition("/")
        slug = name[:-3]
        identifiers.add(slug)
        document, _ = read_document(root / path, path)
        data = document.data if document is not None else {}
        aliases = data.get("aliases")
        if isinstance(aliases, list):
            identifiers.update(a for a in aliases if isinstance(a, str))
        if folder == "cases":
            case_slugs.append(slug)
            continue
        title = data.get("title")
        if data.get("draft") is True or not isinstance(title, str):
            continue
        phases = data.get("phase") if isinstance(data.get("phase"), list) else []
        slugs = []
        for phase in phases:
            term = vocabulary.lookup("phases", phase) if isinstance(phase, str) else None
            if term is not None:
                slugs.append(term.slug)
        methods.append(MethodRef(slug, title, tuple(slugs)))
    return RealContent(case_slugs, methods, identifiers)


# --- Generation ----------------------------------------------------------------------


@dataclass
class Territory:
    name: str
    subject: str
    short: str
    place: str
    level: str  # vocabulary label
    region: str | None  # vocabulary label
    policies: list[Policy]
    level_slug: str
    commune: str
    department: Department


class Generator:
    """Draws every value from one seeded random generator, in a fixed order."""

    def __init__(self, rng: random.Random, vocabulary: Vocabulary):
        self.rng = rng
        self.random = rng.random
        self.vocabulary = vocabulary
        self.levels = list(vocabulary.terms["territory_levels"])
        self.level_weights = [LEVEL_WEIGHTS.get(t.slug, 5) for t in self.levels]
        self.themes = vocabulary.labels("themes")
        self.formats = vocabulary.labels("formats")
        self.audiences = vocabulary.labels("audiences")
        self.regions = vocabulary.labels("regions")
        self.phases = list(vocabulary.terms["phases"])
        self.difficulties = vocabulary.labels("difficulties")
        self.modalities = list(vocabulary.terms["modalities"])
        self.completeness = vocabulary.labels("completeness")
        count = len(self.completeness)
        # Ordinal 0 (ébauche), 1 (partielle), 2 (complète), from the position in the list.
        self.completeness_rank = [
            round(2 * i / (count - 1)) if count > 1 else 2 for i in range(count)
        ]
        self.completeness_weights = [(15, 45, 40)[r] for r in self.completeness_rank]
        self.region_labels = {}
        for dept in _GEOGRAPHY:
            term = vocabulary.lookup("regions", dept.region)
            self.region_labels[dept.region] = term.label if term else None

    # -- small helpers: random.Random's own choice, randint and sample draw integers bit by
    # bit; one float per draw is several times faster, and as deterministic.

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def sample(self, seq, count: int) -> list:
        """``count`` distinct items of ``seq``, in draw order."""
        size = len(seq)
        if count * 2 > size + 1:
            return self.rng.sample(seq, count)
        chosen: list[int] = []
        while len(chosen) < count:
            index = int(self.random() * size)
            if index not in chosen:
                chosen.append(index)
        return [seq[i] for i in chosen]

    def numbers(self) -> dict[str, int]:
        """The figures a sentence may quote: {a} > {b}, {k}, {n}, {p}, {q}, {w}, {m}."""
        a = self.randint(10, 40)
        return {
            "a": a,
            "b": self.randint(2, a - 5),
            "k": self.randint(2, 9),
            "n": self.randint(12, 480),
            "p": self.randint(5, 60),
            "q": self.randint(70, 98),
            "w": self.randint(2, 12),
            "m": self.randint(2, 18),
        }

    def person(self) -> tuple[str, int]:
        """A made-up name, and 0 (feminine) or 1 (masculine) to agree with."""
        gender = self.randint(0, 1)
        first = self.choice(FEMALE_NAMES if gender == 0 else MALE_NAMES)
        return f"{first} {self.choice(LAST_NAMES)}", gender

    def pick(self, bank: str) -> str:
        return self.choice(_BANKS[bank])

    def picks(self, bank: str, low: int, high: int) -> list[str]:
        items = _BANKS[bank]
        return self.sample(items, min(len(items), self.randint(low, high)))

    def labels(self, values: list[str], low: int, high: int) -> list[str]:
        """A few distinct values, kept in vocabulary order."""
        chosen = set(self.sample(values, min(len(values), self.randint(low, high))))
        return [v for v in values if v in chosen]

    def date(self) -> tuple[int, int | None, int | None, dt.date]:
        rng = self.rng
        year = self.randint(FIRST_YEAR, LAST_YEAR)
        month = self.randint(1, 12)
        day = self.randint(1, calendar.monthrange(year, month)[1])
        precision = rng.random()
        exact = dt.date(year, month, day)
        if precision < 0.22:
            return year, None, None, exact
        if precision < 0.55:
            return year, month, None, exact
        return year, month, day, exact

    @staticmethod
    def truncate(exact: dt.date, precision: int) -> tuple[int, int | None, int | None]:
        return (
            exact.year,
            exact.month if precision >= 2 else None,
            exact.day if precision >= 3 else None,
        )

    # -- territories

    def territory(self) -> Territory:
        rng = self.rng
        level = rng.choices(self.levels, self.level_weights)[0]
        choices = _INSTITUTIONS.get(level.slug)
        dept = self.choice(_GEOGRAPHY)
        if level.slug == "departement":
            while not dept.council:
                dept = self.choice(_GEOGRAPHY)
        commune = self.choice(dept.communes)
        region = self.region_labels[dept.region] or self.choice(self.regions)
        values = {"c": commune, "dc": de(commune), "dd": de_np(dept.name), "r": dept.region}
        if choices is None:
            name = f"{cap(level.label)} {de(commune)}"
            institution = Institution(name, "la collectivité " + de(commune), name, None, False)
        else:
            institution = self.choice(choices)
        if level.slug == "region" and dept.region in REGION_NAMES:
            name, subject = REGION_NAMES[dept.region]
            short = name
        else:
            name = institution.name.format_map(values)
            subject = institution.subject.format_map(values)
            short = institution.short.format_map(values)
        if institution.national:
            region = None
        if institution.policies is not None:
            policies = [_POLICIES[k] for k in institution.policies if k in _POLICIES]
        else:
            policies = [p for p in _POLICIES.values() if level.slug in p.levels]
        if not policies:
            policies = list(_POLICIES.values())
        if level.slug == "commune":
            place = at(commune)
        elif level.slug == "intercommunalite":
            place = "sur le territoire " + de_np(subject)
        else:
            place = "au sein " + de_np(subject)
        return Territory(
            name,
            subject,
            short,
            place,
            level.label,
            region,
            policies,
            level.slug,
            commune,
            dept,
        )

    # -- context shared by every sentence of a case

    def case_context(self, territory: Territory, policy: Policy) -> dict:
        users = self.sample(policy.users, 2)
        objects = self.sample(policy.objects, 2)
        problems = self.sample(policy.problems, 2)
        verb = self.choice(_VERBS)
        team = self.pick("TEAMS")
        service = self.choice(policy.services)
        decider = self.choice(_DECIDERS.get(territory.level_slug, _DECIDERS["*"]) + _DECIDERS["*"])
        ctx = {
            **self.numbers(),
            "name": territory.name,
            "subject": territory.subject,
            "Subject": cap(territory.subject),
            "de_subject": de_np(territory.subject),
            "short": territory.short,
            "place": territory.place,
            "Place": cap(territory.place),
            "c": territory.commune,
            "dc": de(territory.commune),
            "dd": de_np(territory.department.name),
            "policy": policy.name,
            "service": service,
            "Service": cap(service),
            "de_service": de_np(service),
            "users": users[0],
            "Users": cap(users[0]),
            "de_users": de_np(users[0]),
            "users2": users[1],
            "de_users2": de_np(users[1]),
            "location": self.choice(policy.places),
            "object": objects[0],
            "de_object": de_np(objects[0]),
            "object2": objects[1],
            "problem": problems[0],
            "problem2": problems[1],
            "verb": verb[0],
            "de_verb": de_word(verb[0]),
            "Verb": cap(verb[0]),
            "pp": verb[1],
            "pres": verb[2],
            "noun": self.choice(ACTION_NOUNS),
            "team": team,
            "Team": cap(team),
            "decider": decider,
            "Decider": cap(decider),
        }
        fmt = self.choice(self.formats)
        ctx.update(format=fmt, Format=cap(fmt), de_format=de_np(fmt))
        ctx["_themes"] = self.labels(self.themes, 1, self.choice((1, 2, 2, 3)))
        return ctx

    # -- methods

    def plan_methods(self, count: int, taken: set[str]) -> list[tuple[str, str, MethodBase, list]]:
        """Slug, title, base and qualifiers of each generated method, in order."""
        rng = self.rng
        bases = list(_METHOD_BASES)
        rng.shuffle(bases)
        titles: set[str] = set()
        planned = []
        for index in range(count):
            if index < len(bases):
                base = bases[index]
                qualifiers = [] if rng.random() < 0.6 else self.sample(_QUALIFIERS, 1)
            else:
                base = self.choice(bases)
                qualifiers = self.sample(_QUALIFIERS, self.choice((1, 1, 2)))
            title = _method_title(base, qualifiers)
            for _ in range(20):
                if title.casefold() not in titles and not _has_forbidden(title):
                    break
                qualifiers = self.sample(_QUALIFIERS, self.choice((1, 2, 2)))
                title = _method_title(base, qualifiers)
            attempt = 2
            while title.casefold() in titles or _has_forbidden(title):
                title = f"{base.title} (variante {attempt})"
                attempt += 1
            titles.add(title.casefold())
            slug = self.unique_slug(_short_slug(title), taken)
            planned.append((slug, title, base, qualifiers))
        return planned

    @staticmethod
    def unique_slug(slug: str, taken: set[str]) -> str:
        candidate, number = slug, 2
        while candidate in taken:
            candidate = f"{slug}-{number}"
            number += 1
        taken.add(candidate)
        return candidate

    def method_file(
        self,
        slug: str,
        title: str,
        base: MethodBase,
        qualifiers: list,
        all_methods: list[MethodRef],
    ) -> str:
        rng = self.rng
        effects = {q[1] for q in qualifiers}
        d_lo, d_hi = base.duration
        factor = 0.5 if "short" in effects else 1.0
        d_lo = max(5, int(d_lo * factor * rng.uniform(0.75, 1.2)) // 5 * 5)
        d_hi = max(d_lo, int(d_hi * factor * rng.uniform(0.85, 1.3)) // 5 * 5)
        p_lo, p_hi = base.participants
        factor = 3.0 if "large" in effects else 1.0
        p_lo = max(1, round(p_lo * factor * rng.uniform(0.7, 1.2)))
        p_hi = max(p_lo, round(p_hi * factor * rng.uniform(0.8, 1.4)))
        phases = [self.vocabulary.by_slug("phases", s) for s in base.phases]
        phase_labels = {t.label for t in phases if t is not None}
        if not phase_labels or rng.random() < 0.15:
            phase_labels.add(self.choice(self.phases).label)
        phase = [t.label for t in self.phases if t.label in phase_labels]
        difficulty_rank = min(2, max(0, base.difficulty + self.choice((-1, 0, 0, 0, 1))))
        difficulty = self.difficulties[round(difficulty_rank * (len(self.difficulties) - 1) / 2)]

        lines = ["---", f"title: {_q(title)}"]
        summary = cap(base.what) + "."
        if qualifiers:
            summary += " Variante " + ", ".join(q[0] for q in qualifiers) + "."
        lines.append(f"summary: {_q(summary)}")
        lines.append(f"phase: {_flow(phase)}")
        lines += ["duration:", f"  min: {d_lo}", f"  max: {d_hi}"]
        if rng.random() < 0.7:
            lines.append(f"  label: {_q(_duration_label(d_lo, d_hi))}")
        lines += ["participants:", f"  min: {p_lo}", f"  max: {p_hi}"]
        lines.append(f"difficulty: {_q(difficulty)}")
        if rng.random() < 0.7:
            situations = _WHY_SITUATIONS.get(self.choice(base.phases), _WHY_SITUATIONS["*"])
            why = f"{self.choice(situations)}, cette méthode aide à {base.benefit}."
            if rng.random() < 0.7:
                why += " " + self.pick("WHY_EXTRAS")
            lines.append(f"why: {_q(why)}")
        if rng.random() < 0.85:
            remote = self.vocabulary.by_slug("modalities", "distanciel")
            if "remote" in effects and remote is not None:
                modality = [remote.label]
            else:
                modality = self.labels([t.label for t in self.modalities], 1, 2)
            lines.append(f"modality: {_flow(modality)}")
        if rng.random() < 0.7:
            extra = self.picks("GENERIC_MATERIALS", 0, 2)
            materials = list(base.materials) + [m for m in extra if m not in base.materials]
            lines += _block("materials", materials)
        if rng.random() < 0.5:
            lines += _block("cautions", self.picks("CAUTIONS", 1, 2))
        related: list[MethodRef] = []
        if rng.random() < 0.6 and len(all_methods) > 1:
            others = self.sample(all_methods, min(len(all_methods), 4))
            related = [m for m in others if m.slug != slug][: self.randint(1, 3)]
            lines.append(f"related: {_flow([m.slug for m in related])}")
        if rng.random() < 0.4:
            lines.append("sources:")
            source = self.pick("METHOD_SOURCES").format(title=title)
            lines.append(f"  - title: {_q(source)}")
            if rng.random() < 0.7:
                lines.append(f"    url: {_q(f'{SOURCE_SITE}/methodes/{slug}')}")
        if rng.random() < 0.9:
            label = rng.choices(self.completeness, self.completeness_weights)[0]
            lines.append(f"completeness: {_q(label)}")
        lines.append("---")

        objective = base.objective
        for qualifier in qualifiers:
            objective += " " + qualifier[2]
        steps = [self.pick("OPENING_STEPS"), *base.steps]
        steps += self.picks("CLOSING_STEPS", 0, 2)
        while len(steps) > 7:
            steps.pop(rng.randrange(1, len(steps) - 1))
        tips = self.picks("TIPS", 2, 4)
        if related and rng.random() < 0.5:
            target = related[0]
            tips.append(
                self.pick("RELATED_TIPS").format(
                    title=_link_text(target.title), url=f"../methods/{target.slug}.md"
                )
            )
        pitfalls = self.picks("PITFALLS", 2, 4)
        body = [
            "",
            "## Objectif",
            "",
            objective,
            "",
            "## Déroulé",
            "",
            *(f"{i}. {_sentence(step)}" for i, step in enumerate(steps, 1)),
            "",
            "## Conseils",
            "",
            *(f"- {tip}" for tip in tips),
            "",
            "## Pièges à éviter",
            "",
            *(f"- {pitfall}" for pitfall in pitfalls),
            "",
        ]
        return "\n".join(lines + body)

    # -- cases

    def case_title(self, ctx: dict) -> str:
        for _ in range(20):
            title = cap(self.pick("TITLES").format_map(ctx))
            if len(title) <= 140 and not _has_forbidden(title):
                return title
        return cap(f"{ctx['short']} : {ctx['verb']} {ctx['object']}")[:140]

    def case_file(
        self,
        slug: str,
        title: str,
        ctx: dict,
        territory: Territory,
        methods: list[MethodRef],
    ) -> str:
        rng = self.rng
        rank_index = rng.choices(range(len(self.completeness)), self.completeness_weights)[0]
        rank = self.completeness_rank[rank_index]
        fmt = ctx["format"]
        themes = ctx["_themes"]
        audience = self.labels(self.audiences, 1, 3) if rng.random() < (0.6, 0.85, 1)[rank] else []

        dated = rng.random() < 0.88
        start = end = None
        if dated:
            year, month, day, exact = self.date()
            start = (year, month, day)
            if rng.random() < 0.3:
                last = dt.date(LAST_YEAR, 12, 31)
                later = min(last, exact + dt.timedelta(days=self.randint(1, 540)))
                precision = self.choice((1, 2, 3, 3))
                end = self.truncate(later, precision)
                if _date_text(end) == _date_text(start):
                    end = self.truncate(later, 3)
                if _date_text(end) == _date_text(start):
                    end = None

        # Front matter
        summary = cap(
            self.pick("SUMMARIES").format_map(
                {**ctx, "with_clause": self.pick("WITH_CLAUSES").format_map(ctx)}
            )
        )
        if rng.random() < 0.5:
            extra = self.choice(ctx["_results"])
            if len(summary) + len(extra) < 399:
                summary += " " + extra
        lines = [
            "---",
            f"title: {_q(title)}",
            f"summary: {_q(summary[:400])}",
            "territory:",
            f"  name: {_q(territory.name)}",
            f"  level: {_q(territory.level)}",
        ]
        if territory.region:
            lines.append(f"  region: {_q(territory.region)}")
        lines.append(f"format: {_q(fmt)}")
        lines.append(f"themes: {_flow(themes)}")
        lines.append(f"methods: {_flow([m.slug for m in methods])}")
        if start:
            lines.append(f"date: {_q(_date_text(start))}")
        if end:
            lines.append(f"end_date: {_q(_date_text(end))}")
        if audience:
            lines.append(f"audience: {_flow(audience)}")
        if rng.random() < (0.4, 0.7, 0.95)[rank]:
            actors = [territory.name] if rng.random() < 0.7 else []
            for actor in self.picks("ACTORS", 1, 2):
                actor = actor.format_map(ctx)
                if actor not in actors:
                    actors.append(actor)
            lines.append(f"actors: {_flow(actors)}")
        if rng.random() < 0.2:
            lines.append(f"facilitators: {_flow([self.pick('FACILITATORS').format_map(ctx)])}")
        outcomes = []
        if rng.random() < (0.5, 0.9, 1)[rank]:
            outcomes = ctx["_results"][: self.randint(1, 2)]
            outcomes += [o.format_map(ctx) for o in self.picks("OUTCOMES", 0, 2)]
            lines += _block("outcomes", outcomes)
        for key, bank, chance in (
            ("lessons", "LESSONS", (0.4, 0.85, 1)),
            ("challenges", "CHALLENGES", (0.2, 0.55, 0.9)),
            ("success_conditions", "SUCCESS_CONDITIONS", (0.2, 0.5, 0.9)),
        ):
            if rng.random() < chance[rank]:
                lines += _block(key, [t.format_map(ctx) for t in self.picks(bank, 1, 3)])
        if rng.random() < (0.05, 0.2, 0.35)[rank]:
            lines.append("follow_up:")
            if start and rng.random() < 0.7:
                base_year = (end or start)[0]
                year = min(LAST_YEAR, base_year + self.randint(1, 2))
                follow = (year, self.randint(1, 12)) if rng.random() < 0.5 else (year,)
                lines.append(f"  date: {_q('-'.join(f'{v:02d}' for v in follow))}")
            lines.append(f"  text: {_q(self.pick('FOLLOW_UPS').format_map(ctx))}")
        if rng.random() < (0.03, 0.12, 0.3)[rank]:
            author, gender = self.person()
            lines += [
                "testimonial:",
                f"  quote: {_q(self.pick('QUOTES').format_map(ctx))}",
                f"  author: {_q(author)}",
            ]
            if rng.random() < 0.85:
                lines.append(f"  role: {_q(self.choice(_ROLES)[gender])}")
        if rng.random() < (0.5, 0.8, 0.95)[rank]:
            lines.append("sources:")
            for index, source in enumerate(self.picks("SOURCES", 1, 3)):
                lines.append(f"  - title: {_q(source.format_map(ctx))}")
                if rng.random() < 0.7:
                    url = f"{SOURCE_SITE}/retours/{slug}" + (f"/{index + 1}" if index else "")
                    lines.append(f"    url: {_q(url)}")
        if rng.random() < 0.92:
            lines.append(f"completeness: {_q(self.completeness[rank_index])}")
        lines.append("---")
        body = self.case_body(ctx, territory, methods, themes, audience, start, end, rank)
        return "\n".join(lines) + "\n" + body

    def method_sentence(self, position: int, count: int, used: list[str]) -> str:
        """A sentence template for the method at ``position`` among ``count``."""
        allowed = "*1" if position == 0 else "*n2" if position == 1 else "*n"
        if position == count - 1 and position > 0:
            allowed += "z"
        choices = [t for mark, t in _METHOD_SENTENCES if mark in allowed and t not in used]
        template = self.choice(choices)
        used.append(template)
        return template

    def case_body(self, ctx, territory, methods, themes, audience, start, end, rank) -> str:
        rng = self.rng
        # Each section is a list of [sentence, removable]
        context = [[self.pick("OPENERS").format_map(ctx), False]]
        details = self.sample(ctx["_details"], 2)
        if rng.random() < 0.75:
            context.append([details[0], True])
            if rng.random() < 0.25:
                context.append([details[1], True])
        if rng.random() < 0.75:
            context.append([self.pick("SECOND_PROBLEMS").format_map(ctx), True])
        if rng.random() < 0.45:
            context.append([self.pick("STAKES").format_map(ctx), True])
        context.append([self.pick("TRIGGERS").format_map(ctx), False])
        if rng.random() < 0.3:
            theme = self.choice(themes)
            context.append([self.pick("THEME_SENTENCES").format_map({**ctx, "theme": theme}), True])
        if start and rng.random() < 0.8:
            opening, closing = _split(self.pick("DATE_SENTENCES"))
            sentence = opening.format(when=_french_date(start))
            if end:
                sentence += " " + closing.format(end=_french_date(end))
            context.append([sentence + ".", True])

        audience_text = _join(audience) if audience else self.choice(DEFAULT_AUDIENCE)
        fmt_ctx = {
            **ctx,
            "nparts": self.randint(8, 120),
            "audience": audience_text,
            "span": self.pick("SPANS").format_map(ctx),
            "reason": self.pick("REASONS"),
        }
        approach = [[self.pick("FORMAT_SENTENCES").format_map(fmt_ctx), False]]
        if rng.random() < 0.75:
            approach.append([self.pick("FIELDWORK").format_map(ctx), True])
        neighbours = [c for c in territory.department.communes if c != territory.commune]
        if neighbours and rng.random() < 0.3:
            neighbour = self.choice(neighbours)
            values = {"de_neighbour": de(neighbour), "at_neighbour": at(neighbour)}
            approach.append([self.pick("NEIGHBOURS").format_map(values), True])
        if rng.random() < 0.3:
            person, gender = self.person()
            role = self.choice(_FACILITATOR_ROLES)[gender]
            values = {"person": person, "Person": person, "role": role}
            approach.append([self.pick("FACILITATION").format_map(values), True])
        tools = []
        policy_goals = list(ctx["_goals"])
        rng.shuffle(policy_goals)
        used: list[str] = []
        for position, method in enumerate(methods):
            template = self.method_sentence(position, len(methods), used)
            if policy_goals and rng.random() < 0.45:
                goal = policy_goals.pop()
            else:
                phase = self.choice(method.phases) if method.phases else "*"
                goal = self.choice(_PHASE_GOALS.get(phase, _PHASE_GOALS["*"]))
            link = f"[{_link_text(method.title)}](../methods/{method.slug}.md)"
            goal = goal.format_map(ctx)
            values = {**ctx, "goal": goal, "de_goal": de_word(goal), "link": link}
            tools.append([template.format_map(values), False])
        if rng.random() < 0.6:
            proto = self.pick("PROTOTYPES")
            sentence = self.pick("PROTOTYPE_SENTENCES").format_map(
                {**ctx, "proto": proto, "de_proto": de_np(proto)}
            )
            tools.append([sentence, True])

        results = []
        if rank == 0 and rng.random() < 0.4:
            results.append([self.pick("UNDOCUMENTED"), False])
        else:
            results.append([ctx["_results"][0], False])
            results.append([self.pick("OUTCOMES").format_map(ctx), True])
            if rng.random() < 0.5:
                results.append([ctx["_results"][1], True])
        if rng.random() < 0.6:
            sentence = self.pick("NEXT_STEPS").format_map({**ctx, "scope": self.pick("SCOPES")})
            results.append([sentence, True])

        sections = [context, approach, tools, results]
        words = sum(len(s.split()) for section in sections for s, _ in section)
        if words < 215 and details[1] not in (s for s, _ in context):
            context.append([details[1], True])
            words += len(details[1].split())
        fillers = list(_BANKS["FILLERS"])
        rng.shuffle(fillers)
        while words < 215 and fillers:
            sentence = fillers.pop()
            approach.append([sentence, True])
            words += len(sentence.split())
        for section in (context, results, approach, tools):
            while words > 390:
                removable = [i for i, (_, flag) in enumerate(section) if flag]
                if not removable:
                    break
                words -= len(section.pop(removable[-1])[0].split())
        paragraphs = [
            "## Contexte",
            " ".join(s for s, _ in context),
            "## Démarche",
            " ".join(s for s, _ in approach),
            " ".join(s for s, _ in tools),
            "## Résultats",
            " ".join(s for s, _ in results),
        ]
        return "\n" + "\n\n".join(p for p in paragraphs if p) + "\n"


def _method_title(base: MethodBase, qualifiers: list) -> str:
    return base.title + "".join((" " if i == 0 else ", ") + q[0] for i, q in enumerate(qualifiers))


def _sentence(text: str) -> str:
    return text if text[-1:] in ".?!" else text + "."


def _join(values: list[str]) -> str:
    """« a, b et c », or « a, b, c et d » when a label already holds « et »."""
    if len(values) == 1:
        return values[0]
    if any(" et " in v for v in values):
        return ", ".join(values)
    return ", ".join(values[:-1]) + " et " + values[-1]


def _link_text(title: str) -> str:
    return uncap(title).replace("[", "(").replace("]", ")")


def _duration_label(low: int, high: int) -> str:
    if high <= 45:
        return f"{low} à {high} minutes" if low < high else f"{high} minutes"
    if high <= 90:
        return "environ une heure"
    if high <= 150:
        return "une à deux heures"
    if high <= 240:
        return "une demi-journée"
    if high <= 480:
        return "une demi-journée à une journée" if low < 300 else "une journée"
    if high <= 1500:
        return "une à trois journées"
    return "une semaine"


# --- The corpus ----------------------------------------------------------------------


def _check_output(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise SyntheticError(
            f"Le dossier de sortie « {out} » existe déjà et n’est pas vide : "
            "indiquez un dossier vide ou qui n’existe pas encore."
        )


def _copy_project(root: Path, out: Path) -> None:
    missing = [name for name in (*COPIED_FILES, *COPIED_DIRS[:3]) if not (root / name).exists()]
    if missing:
        raise SyntheticError(
            f"« {root} » n’est pas la racine d’un projet Retex : il y manque "
            + ", ".join(missing)
            + " (précisez --root)."
        )
    out.mkdir(parents=True, exist_ok=True)
    for name in COPIED_FILES:
        shutil.copy2(root / name, out / name)
    for name in COPIED_DIRS:
        if (root / name).is_dir():
            shutil.copytree(root / name, out / name, ignore=IGNORED)
        else:
            (out / name).mkdir()


def _write_files(batch: list[tuple[Path, str]]) -> None:
    # O_EXCL: never overwrite a real file.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for path, text in batch:
        data = text.encode("utf-8")
        fd = os.open(path, flags, 0o644)
        try:
            while data:
                data = data[os.write(fd, data) :]
        finally:
            os.close(fd)


def generate(out: Path, cases: int, seed: int = 1, root: Path | None = None) -> dict:
    """Write a buildable project with ``cases`` generated cases into ``out``.

    Returns the counts: ``cases``, ``methods`` and ``aliases`` generated, and
    ``total_cases`` and ``total_methods`` (real content included).
    """
    out = Path(out)
    root = Path(root) if root is not None else ROOT
    if cases < 0:
        raise SyntheticError("Le nombre de cas à générer ne peut pas être négatif.")
    _check_output(out)
    _copy_project(root.resolve(), out)
    try:
        vocabulary = load_vocabulary(out / "vocabulary.yml")
    except ContentError as exc:
        raise SyntheticError(
            "vocabulary.yml est invalide : " + "; ".join(p.message for p in exc.problems)
        ) from None
    real = read_real_content(out, vocabulary)
    rng = random.Random(seed)
    gen = Generator(rng, vocabulary)
    taken_methods = set(real.identifiers)
    method_count = max(1, cases // 10)
    planned = gen.plan_methods(method_count, taken_methods)
    generated_refs = [MethodRef(slug, title, base.phases) for slug, title, base, _ in planned]
    all_methods = real.methods + generated_refs

    method_texts = [
        (slug, gen.method_file(slug, title, base, qualifiers, all_methods))
        for slug, title, base, qualifiers in planned
    ]

    # Cases are written as soon as they are built. Aliases must take no slug, not even one
    # drawn later: the cases that get one are chosen now, kept aside, and given their
    # alias once every slug is known.
    taken_cases = set(real.identifiers) | {slug for slug, _ in method_texts}
    wanted = max(1, round(cases * ALIAS_SHARE)) if cases >= 10 else 0
    holders = set(rng.sample(range(cases), wanted))
    held = []
    # A writer thread creates the files while the next texts are built (its system calls
    # release the GIL).
    with ThreadPoolExecutor(max_workers=WRITERS, thread_name_prefix="synthetic") as pool:
        pending = []
        batch = [(out / "methods" / f"{slug}.md", text) for slug, text in method_texts]
        for index in range(cases):
            territory = gen.territory()
            policy = gen.choice(territory.policies)
            ctx = gen.case_context(territory, policy)
            ctx["_results"] = [
                r.format_map({**ctx, **gen.numbers()}) + "." for r in gen.sample(policy.results, 2)
            ]
            ctx["_goals"] = policy.goals
            ctx["_details"] = policy.details
            title = gen.case_title(ctx)
            slug = gen.unique_slug(_short_slug(title), taken_cases)
            count = rng.choices((1, 2, 3, 4), (30, 35, 22, 13))[0]
            methods = gen.sample(all_methods, min(count, len(all_methods)))
            text = gen.case_file(slug, title, ctx, territory, methods)
            path = out / "cases" / f"{slug}.md"
            if index in holders:
                candidates = [
                    _short_slug(f"{ctx['short']} {ctx['policy']}"),
                    _short_slug(f"{territory.commune} {ctx['object']}"),
                    f"{slug}-{rng.randint(FIRST_YEAR, LAST_YEAR)}",
                ]
                held.append((path, text, slug, candidates))
                continue
            batch.append((path, text))
            if len(batch) >= WRITE_BATCH:
                pending.append(pool.submit(_write_files, batch))
                batch = []
        for path, text, slug, candidates in held:
            alias = next((c for c in candidates if c and c not in taken_cases), None)
            if alias is None:
                alias = gen.unique_slug(slug + "-ancien", set(taken_cases))
            taken_cases.add(alias)
            # The front matter's closing line is the first « --- » after the opening one.
            text = text.replace("\n---\n", f"\naliases: {_flow([alias])}\n---\n", 1)
            batch.append((path, text))
        pending.append(pool.submit(_write_files, batch))
        for future in pending:
            future.result()  # re-raises a failed write

    return {
        "cases": cases,
        "methods": method_count,
        "aliases": len(held),
        "total_cases": cases + len(real.case_slugs),
        "total_methods": method_count + len(real.methods),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m retex.synthetic",
        description="Écrit un projet Retex complet : le contenu réel plus N cas et N/10 "
        "méthodes générés (corpus de test et de mesure).",
    )
    parser.add_argument("--cases", type=int, required=True, help="nombre de cas à générer")
    parser.add_argument("--out", type=Path, required=True, help="dossier à créer (vide)")
    parser.add_argument("--seed", type=int, default=1, help="graine du générateur (défaut : 1)")
    parser.add_argument(
        "--root", type=Path, default=None, help="racine du projet à copier (défaut : ce dépôt)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        counts = generate(args.out, args.cases, args.seed, args.root)
    except SyntheticError as exc:
        print(f"retex.synthetic : {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(
        f"Corpus écrit dans {args.out} en {elapsed:.2f} s : {counts['cases']} cas et "
        f"{counts['methods']} méthodes générés ({counts['total_cases']} cas et "
        f"{counts['total_methods']} méthodes en tout), {counts['aliases']} anciens identifiants."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
