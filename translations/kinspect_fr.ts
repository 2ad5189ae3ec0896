<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
  <context>
    <name>ErrorAdvice</name>
    <message>
      <source>The node could not be reached.</source>
      <translation>Le nœud n'a pas pu être joint.</translation>
    </message>
    <message>
      <source>Check the host name and port in the inventory, that the node is up and that sshd listens on that port.</source>
      <translation>Vérifiez le nom d'hôte et le port dans l'inventaire, que le nœud est démarré et que sshd écoute sur ce port.</translation>
    </message>
    <message>
      <source>The node did not answer in time.</source>
      <translation>Le nœud n'a pas répondu à temps.</translation>
    </message>
    <message>
      <source>Check firewalls and the jump host, or raise the timeouts in the settings, then scan again.</source>
      <translation>Vérifiez les pare-feu et l'hôte de rebond, ou augmentez les délais dans les paramètres, puis relancez l'analyse.</translation>
    </message>
    <message>
      <source>The node's host key was not trusted.</source>
      <translation>La clé d'hôte du nœud n'a pas été acceptée.</translation>
    </message>
    <message>
      <source>An unknown key was refused, or the key changed since it was saved. Compare the fingerprint with the node (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub); if a changed key is expected, remove the old line from known_hosts.</source>
      <translation>Une clé inconnue a été refusée, ou la clé a changé depuis son enregistrement. Comparez l'empreinte avec celle du nœud (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) ; si le changement est attendu, supprimez l'ancienne ligne de known_hosts.</translation>
    </message>
    <message>
      <source>Authentication failed.</source>
      <translation>L'authentification a échoué.</translation>
    </message>
    <message>
      <source>Check the user and identity file of the node (or the defaults), that the key is in authorized_keys, or load the key into your ssh-agent.</source>
      <translation>Vérifiez l'utilisateur et le fichier de clé du nœud (ou les valeurs par défaut), que la clé figure dans authorized_keys, ou chargez la clé dans votre ssh-agent.</translation>
    </message>
    <message>
      <source>sudo refused to run the collector.</source>
      <translation>sudo a refusé d'exécuter le collecteur.</translation>
    </message>
    <message>
      <source>Check the node's sudo mode (none, nopasswd, password) and the password, and that the user may run sh through sudo.</source>
      <translation>Vérifiez le mode sudo du nœud (none, nopasswd, password) et le mot de passe, et que l'utilisateur peut lancer sh via sudo.</translation>
    </message>
    <message>
      <source>The collector failed on the node.</source>
      <translation>Le collecteur a échoué sur le nœud.</translation>
    </message>
    <message>
      <source>The node needs a POSIX sh and read access to the Kubernetes files (root or sudo). The message names what failed.</source>
      <translation>Le nœud doit disposer d'un sh POSIX et d'un accès en lecture aux fichiers Kubernetes (root ou sudo). Le message indique ce qui a échoué.</translation>
    </message>
    <message>
      <source>The collector's output could not be read.</source>
      <translation>La sortie du collecteur n'a pas pu être lue.</translation>
    </message>
    <message>
      <source>A login script may print text into the session; export the report and file an issue with it.</source>
      <translation>Un script de connexion écrit peut-être du texte dans la session ; exportez le rapport et signalez le problème avec celui-ci.</translation>
    </message>
    <message>
      <source>The scan was cancelled.</source>
      <translation>L'analyse a été annulée.</translation>
    </message>
    <message>
      <source>Scan again to audit this node.</source>
      <translation>Relancez l'analyse pour auditer ce nœud.</translation>
    </message>
    <message>
      <source>The node could not be audited.</source>
      <translation>Le nœud n'a pas pu être audité.</translation>
    </message>
    <message>
      <source>Scan again; if it keeps failing, export the report and file an issue with it.</source>
      <translation>Relancez l'analyse ; si l'échec persiste, exportez le rapport et signalez le problème avec celui-ci.</translation>
    </message>
  </context>
  <context>
    <name>ResultFile</name>
    <message>
      <source>not a JSON report: %1 at offset %2</source>
      <translation>pas un rapport JSON : %1 à la position %2</translation>
    </message>
    <message>
      <source>not a Kinspect JSON report (no "benchmark" or "nodes")</source>
      <translation>pas un rapport JSON de Kinspect (pas de « benchmark » ni de « nodes »)</translation>
    </message>
    <message>
      <source>a node has no name</source>
      <translation>un nœud n'a pas de nom</translation>
    </message>
    <message>
      <source>node %1: a result without an id or a known status</source>
      <translation>nœud %1 : un résultat sans identifiant ni statut connu</translation>
    </message>
    <message>
      <source>damaged or truncated result file</source>
      <translation>fichier de résultat endommagé ou tronqué</translation>
    </message>
    <message>
      <source>result file of a newer version</source>
      <translation>fichier de résultat d'une version plus récente</translation>
    </message>
  </context>
  <context>
    <name>StatusStyle</name>
    <message>
      <source>Pass</source>
      <translation>Conforme</translation>
    </message>
    <message>
      <source>Fail</source>
      <translation>Non conforme</translation>
    </message>
    <message>
      <source>Manual</source>
      <translation>Manuel</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Erreur</translation>
    </message>
    <message>
      <source>Not applicable</source>
      <translation>Non applicable</translation>
    </message>
    <message>
      <source>Waived</source>
      <translation>Dérogé</translation>
    </message>
    <message>
      <source>The node meets this control.</source>
      <translation>Le nœud satisfait ce contrôle.</translation>
    </message>
    <message>
      <source>The node does not meet this control.</source>
      <translation>Le nœud ne satisfait pas ce contrôle.</translation>
    </message>
    <message>
      <source>A person has to review this control.</source>
      <translation>Une personne doit examiner ce contrôle.</translation>
    </message>
    <message>
      <source>The control could not be audited.</source>
      <translation>Le contrôle n'a pas pu être audité.</translation>
    </message>
    <message>
      <source>The control does not apply to this node.</source>
      <translation>Le contrôle ne s'applique pas à ce nœud.</translation>
    </message>
    <message>
      <source>The risk was accepted (waived).</source>
      <translation>Le risque a été accepté (dérogation).</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::CompareDialog</name>
    <message>
      <source>Compare scans</source>
      <translation>Comparer des analyses</translation>
    </message>
    <message>
      <source>&lt;b&gt;Before:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;After:&lt;/b&gt; %2</source>
      <translation>&lt;b&gt;Avant :&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Après :&lt;/b&gt; %2</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1 : %2</translation>
    </message>
    <message>
      <source>No changes between these scans.</source>
      <translation>Aucun changement entre ces analyses.</translation>
    </message>
    <message>
      <source>&amp;Show:</source>
      <translation>&amp;Afficher :</translation>
    </message>
    <message>
      <source>Every change</source>
      <translation>Tous les changements</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>&amp;Exporter…</translation>
    </message>
    <message>
      <source>Scan comparison</source>
      <translation>Comparaison des analyses</translation>
    </message>
    <message>
      <source>Unknown comparison format %1 (text, json or html).</source>
      <translation>Format de comparaison inconnu %1 (text, json ou html).</translation>
    </message>
    <message>
      <source>Text (*.txt)</source>
      <translation>Texte (*.txt)</translation>
    </message>
    <message>
      <source>JSON (*.json)</source>
      <translation>JSON (*.json)</translation>
    </message>
    <message>
      <source>HTML (*.html)</source>
      <translation>HTML (*.html)</translation>
    </message>
    <message>
      <source>Export comparison</source>
      <translation>Exporter la comparaison</translation>
    </message>
    <message>
      <source>Cannot export the comparison</source>
      <translation>Impossible d’exporter la comparaison</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::ControlNodesModel</name>
    <message>
      <source>no result</source>
      <translation>aucun résultat</translation>
    </message>
    <message>
      <source>Node</source>
      <translation>Nœud</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>Rôles</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Actual value</source>
      <translation>Valeur réelle</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Raison</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::DetailPane</name>
    <message>
      <source>Evidence on the selected node</source>
      <translation>Preuves sur le nœud sélectionné</translation>
    </message>
    <message>
      <source>Select a control or a cell of the matrix.</source>
      <translation>Sélectionnez un contrôle ou une cellule de la matrice.</translation>
    </message>
    <message>
      <source>%1 · section %2 %3 · %4</source>
      <translation>%1 · section %2 %3 · %4</translation>
    </message>
    <message>
      <source>automated</source>
      <translation>automatisé</translation>
    </message>
    <message>
      <source>manual</source>
      <translation>manuel</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>Rationale</source>
      <translation>Justification</translation>
    </message>
    <message>
      <source>Audit</source>
      <translation>Audit</translation>
    </message>
    <message>
      <source>Remediation</source>
      <translation>Correction</translation>
    </message>
    <message>
      <source>Impact</source>
      <translation>Impact</translation>
    </message>
    <message>
      <source>Default value</source>
      <translation>Valeur par défaut</translation>
    </message>
    <message>
      <source>References</source>
      <translation>Références</translation>
    </message>
    <message>
      <source>Version %1 · %2 %3</source>
      <translation>Version %1 · %2 %3</translation>
    </message>
    <message>
      <source>CIS Controls</source>
      <translation>CIS Controls</translation>
    </message>
    <message>
      <source>The collected data suggests: %1</source>
      <translation>Les données collectées suggèrent : %1</translation>
    </message>
    <message>
      <source>A fix would edit &lt;tt&gt;%1&lt;/tt&gt; on this node.</source>
      <translation>Une correction modifierait &lt;tt&gt;%1&lt;/tt&gt; sur ce nœud.</translation>
    </message>
    <message>
      <source>&lt;b&gt;%1&lt;/b&gt; was not audited: %2</source>
      <translation>&lt;b&gt;%1&lt;/b&gt; n'a pas été audité : %2</translation>
    </message>
    <message>
      <source>Select a node's cell to see its verdict and evidence.</source>
      <translation>Sélectionnez la cellule d'un nœud pour voir son verdict et ses preuves.</translation>
    </message>
    <message>
      <source>%1 could not be audited</source>
      <translation>%1 n'a pas pu être audité</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>Ce qui s'est passé</translation>
    </message>
    <message>
      <source>What to do next</source>
      <translation>Que faire maintenant</translation>
    </message>
    <message>
      <source>Waiver %1 (%2) &lt;b&gt;expired&lt;/b&gt; after %3: %4</source>
      <translation>La dérogation %1 (%2) a &lt;b&gt;expiré&lt;/b&gt; après le %3 : %4</translation>
    </message>
    <message>
      <source>Waived by %1 (%2) until %3: %4</source>
      <translation>Dérogation %1 (%2) jusqu’au %3 : %4</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::EvidenceModel</name>
    <message>
      <source>command line</source>
      <translation>ligne de commande</translation>
    </message>
    <message>
      <source>config file</source>
      <translation>fichier de configuration</translation>
    </message>
    <message>
      <source>default</source>
      <translation>défaut</translation>
    </message>
    <message>
      <source>not set</source>
      <translation>non défini</translation>
    </message>
    <message>
      <source>file stat</source>
      <translation>attributs du fichier</translation>
    </message>
    <message>
      <source>file</source>
      <translation>fichier</translation>
    </message>
    <message>
      <source>process</source>
      <translation>processus</translation>
    </message>
    <message>
      <source>note</source>
      <translation>remarque</translation>
    </message>
    <message>
      <source>(unset)</source>
      <translation>(non défini)</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Path / key</source>
      <translation>Chemin / clé</translation>
    </message>
    <message>
      <source>Actual</source>
      <translation>Réel</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>Attendu</translation>
    </message>
    <message>
      <source>Collection command</source>
      <translation>Commande de collecte</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::HistoryController</name>
    <message>
      <source>Hi&amp;story</source>
      <translation>Hi&amp;storique</translation>
    </message>
    <message>
      <source>&amp;History…</source>
      <translation>&amp;Historique…</translation>
    </message>
    <message>
      <source>Past scans of this inventory: open, compare, delete</source>
      <translation>Analyses passées de cet inventaire : ouvrir, comparer, supprimer</translation>
    </message>
    <message>
      <source>&amp;Compare with…</source>
      <translation>&amp;Comparer avec…</translation>
    </message>
    <message>
      <source>Compare the result on screen with a past scan</source>
      <translation>Comparer le résultat affiché avec une analyse passée</translation>
    </message>
    <message>
      <source>&amp;Waivers…</source>
      <translation>&amp;Dérogations…</translation>
    </message>
    <message>
      <source>Accepted risks: list, add, remove, import and export</source>
      <translation>Risques acceptés : lister, ajouter, retirer, importer et exporter</translation>
    </message>
    <message>
      <source>Wai&amp;ve…</source>
      <translation>Déro&amp;ger…</translation>
    </message>
    <message>
      <source>Accept the selected failure with a justification and expiry</source>
      <translation>Accepter l’échec sélectionné avec une justification et une échéance</translation>
    </message>
    <message>
      <source>Scan not stored in the history: %1</source>
      <translation>Analyse non enregistrée dans l’historique : %1</translation>
    </message>
    <message>
      <source>Scan %1 of %2 from the history (%3), read-only.</source>
      <translation>Analyse %1 de %2 issue de l’historique (%3), en lecture seule.</translation>
    </message>
    <message>
      <source>scan %1 on screen (%2)</source>
      <translation>analyse %1 affichée (%2)</translation>
    </message>
    <message>
      <source>the result on screen (%1, %2)</source>
      <translation>le résultat affiché (%1, %2)</translation>
    </message>
    <message>
      <source>Cannot open the scan</source>
      <translation>Impossible d’ouvrir l’analyse</translation>
    </message>
    <message>
      <source>Compare with a past scan</source>
      <translation>Comparer avec une analyse passée</translation>
    </message>
    <message>
      <source>Cannot store the waiver</source>
      <translation>Impossible d’enregistrer la dérogation</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::HistoryDialog</name>
    <message>
      <source>scan %1 of %2, %3 (%4)</source>
      <translation>analyse %1 de %2, %3 (%4)</translation>
    </message>
    <message>
      <source>Scan history</source>
      <translation>Historique des analyses</translation>
    </message>
    <message>
      <source>Past scans of the inventory %1</source>
      <translation>Analyses passées de l’inventaire %1</translation>
    </message>
    <message>
      <source>Past scans of the cluster %1</source>
      <translation>Analyses passées du cluster %1</translation>
    </message>
    <message>
      <source>Every &amp;inventory and cluster</source>
      <translation>Tous les &amp;inventaires et clusters</translation>
    </message>
    <message>
      <source>Show &amp;interrupted scans</source>
      <translation>Afficher les analyses &amp;interrompues</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Ouvrir</translation>
    </message>
    <message>
      <source>&amp;Compare</source>
      <translation>&amp;Comparer</translation>
    </message>
    <message>
      <source>Select two scans, or one to compare with the scan before it.</source>
      <translation>Sélectionnez deux analyses, ou une seule pour la comparer à la précédente.</translation>
    </message>
    <message>
      <source>Compare with &amp;shown result</source>
      <translation>Comparer avec le résultat &amp;affiché</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Supprimer</translation>
    </message>
    <message>
      <source>Cannot open the scan history: %1</source>
      <translation>Impossible d’ouvrir l’historique des analyses : %1</translation>
    </message>
    <message>
      <source>Cannot read the scan history: %1</source>
      <translation>Impossible de lire l’historique des analyses : %1</translation>
    </message>
    <message>
      <source>No scans stored yet: every scan you run is kept here.</source>
      <translation>Aucune analyse enregistrée : chaque analyse lancée est conservée ici.</translation>
    </message>
    <message>
      <source>Cannot load scan %1: %2</source>
      <translation>Impossible de charger l’analyse %1 : %2</translation>
    </message>
    <message>
      <source>Scan %1 has no earlier complete scan of its cluster to compare with.</source>
      <translation>L’analyse %1 n’a pas d’analyse complète antérieure de son cluster à comparer.</translation>
    </message>
    <message>
      <source>Delete scan</source>
      <translation>Supprimer l’analyse</translation>
    </message>
    <message>
      <source>Delete scan %1 and its snapshots from the history?</source>
      <translation>Supprimer l’analyse %1 et ses instantanés de l’historique ?</translation>
    </message>
    <message>
      <source>Cannot delete scan %1: %2</source>
      <translation>Impossible de supprimer l’analyse %1 : %2</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::HostKeyDialog</name>
    <message>
      <source>Unknown host key</source>
      <translation>Clé d'hôte inconnue</translation>
    </message>
    <message>
      <source>&lt;b&gt;%1&lt;/b&gt; (%2, port %3) presented a host key that is not in your known_hosts file.</source>
      <translation>&lt;b&gt;%1&lt;/b&gt; (%2, port %3) a présenté une clé d'hôte absente de votre fichier known_hosts.</translation>
    </message>
    <message>
      <source>Key type: %1</source>
      <translation>Type de clé : %1</translation>
    </message>
    <message>
      <source>Compare this fingerprint with the one the node prints for &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub&lt;/tt&gt; before you trust it.</source>
      <translation>Comparez cette empreinte avec celle qu'affiche le nœud pour &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub&lt;/tt&gt; avant de lui faire confiance.</translation>
    </message>
    <message>
      <source>Saving adds it to %1.</source>
      <translation>L'enregistrement l'ajoute à %1.</translation>
    </message>
    <message>
      <source>Trust &amp;once</source>
      <translation>Faire confiance une &amp;fois</translation>
    </message>
    <message>
      <source>Trust and &amp;save</source>
      <translation>Faire confiance et &amp;enregistrer</translation>
    </message>
    <message>
      <source>&amp;Refuse</source>
      <translation>&amp;Refuser</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::InventoryDialog</name>
    <message>
      <source>Edit inventory</source>
      <translation>Modifier l'inventaire</translation>
    </message>
    <message>
      <source>&amp;Cluster:</source>
      <translation>&amp;Cluster :</translation>
    </message>
    <message>
      <source>Automatic (by Kubernetes version)</source>
      <translation>Automatique (selon la version de Kubernetes)</translation>
    </message>
    <message>
      <source>&amp;Benchmark:</source>
      <translation>&amp;Référentiel :</translation>
    </message>
    <message>
      <source>Defaults for every node</source>
      <translation>Valeurs par défaut pour tous les nœuds</translation>
    </message>
    <message>
      <source>none</source>
      <translation>aucun</translation>
    </message>
    <message>
      <source>nopasswd</source>
      <translation>sans mot de passe (nopasswd)</translation>
    </message>
    <message>
      <source>password</source>
      <translation>mot de passe</translation>
    </message>
    <message>
      <source>&amp;User:</source>
      <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
      <source>&amp;Port:</source>
      <translation>&amp;Port :</translation>
    </message>
    <message>
      <source>&amp;Identity file:</source>
      <translation>Fichier d'&amp;identité :</translation>
    </message>
    <message>
      <source>&amp;sudo:</source>
      <translation>s&amp;udo :</translation>
    </message>
    <message>
      <source>&amp;Add…</source>
      <translation>&amp;Ajouter…</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>&amp;Modifier…</translation>
    </message>
    <message>
      <source>&amp;Remove</source>
      <translation>&amp;Supprimer</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::InventoryNodesModel</name>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Host</source>
      <translation>Hôte</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>Port</translation>
    </message>
    <message>
      <source>User</source>
      <translation>Utilisateur</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>Rôles</translation>
    </message>
    <message>
      <source>sudo</source>
      <translation>sudo</translation>
    </message>
    <message>
      <source>Jump host</source>
      <translation>Hôte de rebond</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::MainWindow</name>
    <message>
      <source>About Kinspect</source>
      <translation>À propos de Kinspect</translation>
    </message>
    <message>
      <source>&lt;b&gt;Kinspect %1&lt;/b&gt;&lt;p&gt;Audits Kubernetes nodes against the CIS Kubernetes Benchmark over SSH.&lt;/p&gt;</source>
      <translation>&lt;b&gt;Kinspect %1&lt;/b&gt;&lt;p&gt;Audite les nœuds Kubernetes selon le CIS Kubernetes Benchmark, via SSH.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Fichier</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
      <source>&amp;Inventory</source>
      <translation>&amp;Inventaire</translation>
    </message>
    <message>
      <source>&amp;Scan</source>
      <translation>&amp;Analyser</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Affichage</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Aide</translation>
    </message>
    <message>
      <source>&amp;New inventory</source>
      <translation>&amp;Nouvel inventaire</translation>
    </message>
    <message>
      <source>&amp;Open inventory…</source>
      <translation>&amp;Ouvrir un inventaire…</translation>
    </message>
    <message>
      <source>Open saved &amp;result…</source>
      <translation>Ouvrir un &amp;résultat enregistré…</translation>
    </message>
    <message>
      <source>&amp;Save inventory</source>
      <translation>&amp;Enregistrer l'inventaire</translation>
    </message>
    <message>
      <source>Save inventory &amp;as…</source>
      <translation>Enregistrer l'inventaire &amp;sous…</translation>
    </message>
    <message>
      <source>&amp;Export report…</source>
      <translation>E&amp;xporter le rapport…</translation>
    </message>
    <message>
      <source>Se&amp;ttings…</source>
      <translation>&amp;Paramètres…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <source>&amp;Edit inventory…</source>
      <translation>&amp;Modifier l'inventaire…</translation>
    </message>
    <message>
      <source>Scan every node of the inventory (F5)</source>
      <translation>Analyser tous les nœuds de l'inventaire (F5)</translation>
    </message>
    <message>
      <source>&amp;Cancel scan</source>
      <translation>A&amp;nnuler l'analyse</translation>
    </message>
    <message>
      <source>Stop the running scan (Esc)</source>
      <translation>Arrêter l'analyse en cours (Échap)</translation>
    </message>
    <message>
      <source>&amp;Find control…</source>
      <translation>&amp;Rechercher un contrôle…</translation>
    </message>
    <message>
      <source>&amp;Matrix</source>
      <translation>&amp;Matrice</translation>
    </message>
    <message>
      <source>&amp;Node view</source>
      <translation>Vue par &amp;nœud</translation>
    </message>
    <message>
      <source>&amp;Control view</source>
      <translation>Vue par &amp;contrôle</translation>
    </message>
    <message>
      <source>&amp;Worst first</source>
      <translation>Les &amp;pires en premier</translation>
    </message>
    <message>
      <source>E&amp;xpand all sections</source>
      <translation>Dé&amp;plier toutes les sections</translation>
    </message>
    <message>
      <source>C&amp;ollapse all sections</source>
      <translation>Re&amp;plier toutes les sections</translation>
    </message>
    <message>
      <source>&amp;About Kinspect</source>
      <translation>À &amp;propos de Kinspect</translation>
    </message>
    <message>
      <source> Benchmark: </source>
      <translation> Référentiel : </translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>Automatique</translation>
    </message>
    <message>
      <source>Automatic: chosen by the nodes' Kubernetes version after the scan</source>
      <translation>Automatique : choisi après l'analyse selon la version de Kubernetes des nœuds</translation>
    </message>
    <message>
      <source>Matrix</source>
      <translation>Matrice</translation>
    </message>
    <message>
      <source>Node view</source>
      <translation>Vue par nœud</translation>
    </message>
    <message>
      <source>Control view</source>
      <translation>Vue par contrôle</translation>
    </message>
    <message>
      <source>Select a control in the matrix.</source>
      <translation>Sélectionnez un contrôle dans la matrice.</translation>
    </message>
    <message>
      <source>Clear list</source>
      <translation>Vider la liste</translation>
    </message>
    <message>
      <source>Unsaved inventory</source>
      <translation>Inventaire non enregistré</translation>
    </message>
    <message>
      <source>The inventory has unsaved changes. Save them?</source>
      <translation>L'inventaire contient des modifications non enregistrées. Les enregistrer ?</translation>
    </message>
    <message numerus="yes">
      <source>%n node(s) in the inventory. Press F5 to scan.</source>
      <translation>
        <numerusform>%n nœud dans l'inventaire. F5 lance l'analyse.</numerusform>
        <numerusform>%n nœuds dans l'inventaire. F5 lance l'analyse.</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot open the inventory</source>
      <translation>Impossible d'ouvrir l'inventaire</translation>
    </message>
    <message>
      <source>Cannot save the inventory</source>
      <translation>Impossible d'enregistrer l'inventaire</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>%1 enregistré</translation>
    </message>
    <message>
      <source>Cannot open the result</source>
      <translation>Impossible d'ouvrir le résultat</translation>
    </message>
    <message>
      <source>%1: unknown benchmark %2</source>
      <translation>%1 : référentiel inconnu %2</translation>
    </message>
    <message>
      <source>Nothing to scan</source>
      <translation>Rien à analyser</translation>
    </message>
    <message>
      <source>Open or create an inventory with at least one node.</source>
      <translation>Ouvrez ou créez un inventaire avec au moins un nœud.</translation>
    </message>
    <message>
      <source>Cannot scan</source>
      <translation>Analyse impossible</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Annulation…</translation>
    </message>
    <message numerus="yes">
      <source>Scanning %n node(s)…</source>
      <translation>
        <numerusform>Analyse de %n nœud…</numerusform>
        <numerusform>Analyse de %n nœuds…</numerusform>
      </translation>
    </message>
    <message>
      <source>Scan cancelled.</source>
      <translation>Analyse annulée.</translation>
    </message>
    <message>
      <source>Scan finished.</source>
      <translation>Analyse terminée.</translation>
    </message>
    <message>
      <source>Benchmark %1; %2 of %3 nodes audited.</source>
      <translation>Référentiel %1 ; %2 nœuds audités sur %3.</translation>
    </message>
    <message>
      <source>Hover a node's error for what to do next.</source>
      <translation>Survolez l'erreur d'un nœud pour savoir quoi faire.</translation>
    </message>
    <message>
      <source>new-cluster</source>
      <translation>nouveau-cluster</translation>
    </message>
    <message>
      <source>Open inventory</source>
      <translation>Ouvrir un inventaire</translation>
    </message>
    <message>
      <source>Inventory (*.yaml *.yml);;All files (*)</source>
      <translation>Inventaire (*.yaml *.yml);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Open saved result</source>
      <translation>Ouvrir un résultat enregistré</translation>
    </message>
    <message>
      <source>JSON report (*.json);;All files (*)</source>
      <translation>Rapport JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Save inventory</source>
      <translation>Enregistrer l'inventaire</translation>
    </message>
    <message>
      <source>Inventory (*.yaml *.yml)</source>
      <translation>Inventaire (*.yaml *.yml)</translation>
    </message>
    <message>
      <source>%1 report (*.%2)</source>
      <translation>Rapport %1 (*.%2)</translation>
    </message>
    <message>
      <source>Export report</source>
      <translation>Exporter le rapport</translation>
    </message>
    <message>
      <source>Cannot export the report</source>
      <translation>Impossible d'exporter le rapport</translation>
    </message>
    <message>
      <source>Report written to %1</source>
      <translation>Rapport écrit dans %1</translation>
    </message>
    <message>
      <source>Save res&amp;ult…</source>
      <translation>Enregistrer le rés&amp;ultat…</translation>
    </message>
    <message>
      <source>Save result</source>
      <translation>Enregistrer le résultat</translation>
    </message>
    <message>
      <source>Kinspect result (*.kinspect);;JSON report (*.json)</source>
      <translation>Résultat Kinspect (*.kinspect);;Rapport JSON (*.json)</translation>
    </message>
    <message>
      <source>Cannot save the result</source>
      <translation>Impossible d'enregistrer le résultat</translation>
    </message>
    <message>
      <source>&amp;Fix…</source>
      <translation>&amp;Corriger…</translation>
    </message>
    <message>
      <source>Fix this failed control on its node(s): diff, apply, re-check</source>
      <translation>Corriger ce contrôle en échec sur son ou ses nœuds : diff, application, nouvelle vérification</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::MatrixModel</name>
    <message numerus="yes">
      <source>%n failing</source>
      <comment>controls of a section</comment>
      <translation>
        <numerusform>%n non conforme</numerusform>
        <numerusform>%n non conformes</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 of %2 controls fail on at least one node; %3 differ between nodes</source>
      <translation>%1 contrôles sur %2 échouent sur au moins un nœud ; %3 diffèrent entre les nœuds</translation>
    </message>
    <message>
      <source>%1: worst status in %2 is %3</source>
      <translation>%1 : le pire statut de %2 est %3</translation>
    </message>
    <message>
      <source>%1 (manual control)</source>
      <translation>%1 (contrôle manuel)</translation>
    </message>
    <message>
      <source>%1/%2 fail</source>
      <translation>%1/%2 non conformes</translation>
    </message>
    <message>
      <source>mixed</source>
      <translation>mixte</translation>
    </message>
    <message>
      <source>no result: %1</source>
      <translation>aucun résultat : %1</translation>
    </message>
    <message>
      <source>Nodes disagree on this control.</source>
      <translation>Les nœuds divergent sur ce contrôle.</translation>
    </message>
    <message>
      <source>no result</source>
      <translation>aucun résultat</translation>
    </message>
    <message>
      <source>%1: no result for %2</source>
      <translation>%1 : aucun résultat pour %2</translation>
    </message>
    <message>
      <source>%1 was not audited: %2</source>
      <translation>%1 n'a pas été audité : %2</translation>
    </message>
    <message>
      <source>Control</source>
      <translation>Contrôle</translation>
    </message>
    <message>
      <source>All nodes</source>
      <translation>Tous les nœuds</translation>
    </message>
    <message>
      <source>The worst status over every node; highlighted where nodes disagree</source>
      <translation>Le pire statut sur tous les nœuds ; mis en évidence là où les nœuds divergent</translation>
    </message>
    <message>
      <source>%1 (%2)
roles: %3
Kubernetes %4</source>
      <translation>%1 (%2)
rôles : %3
Kubernetes %4</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::MatrixPanel</name>
    <message>
      <source>Search control id or text (Ctrl+F)</source>
      <translation>Rechercher l'identifiant ou le texte d'un contrôle (Ctrl+F)</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>Tous les statuts</translation>
    </message>
    <message>
      <source>Not passing</source>
      <translation>Non conformes</translation>
    </message>
    <message>
      <source>Nodes disagree</source>
      <translation>Nœuds divergents</translation>
    </message>
    <message>
      <source>Only controls whose status differs between nodes</source>
      <translation>Seulement les contrôles dont le statut diffère entre les nœuds</translation>
    </message>
    <message>
      <source>Worst first</source>
      <translation>Pires en premier</translation>
    </message>
    <message>
      <source>All roles</source>
      <translation>Tous les rôles</translation>
    </message>
    <message>
      <source>All sections</source>
      <translation>Toutes les sections</translation>
    </message>
    <message>
      <source>All nodes</source>
      <translation>Tous les nœuds</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::NodeControlsModel</name>
    <message>
      <source>no result</source>
      <translation>aucun résultat</translation>
    </message>
    <message>
      <source>Control</source>
      <translation>Contrôle</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Raison</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::NodeDialog</name>
    <message>
      <source>Add node</source>
      <translation>Ajouter un nœud</translation>
    </message>
    <message>
      <source>Edit node %1</source>
      <translation>Modifier le nœud %1</translation>
    </message>
    <message>
      <source>none (log in as root)</source>
      <translation>aucun (connexion en root)</translation>
    </message>
    <message>
      <source>nopasswd</source>
      <translation>sans mot de passe (nopasswd)</translation>
    </message>
    <message>
      <source>password (asked when needed)</source>
      <translation>mot de passe (demandé si nécessaire)</translation>
    </message>
    <message>
      <source>detected when empty, e.g. control-plane, etcd, worker</source>
      <translation>détectés si vide, p. ex. control-plane, etcd, worker</translation>
    </message>
    <message>
      <source>(direct)</source>
      <translation>(direct)</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <source>&amp;Host:</source>
      <translation>&amp;Hôte :</translation>
    </message>
    <message>
      <source>&amp;Port:</source>
      <translation>&amp;Port :</translation>
    </message>
    <message>
      <source>&amp;User:</source>
      <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
      <source>&amp;Identity file:</source>
      <translation>Fichier d'&amp;identité :</translation>
    </message>
    <message>
      <source>&amp;sudo:</source>
      <translation>s&amp;udo :</translation>
    </message>
    <message>
      <source>&amp;Roles:</source>
      <translation>&amp;Rôles :</translation>
    </message>
    <message>
      <source>&amp;Jump host:</source>
      <translation>Hôte de &amp;rebond :</translation>
    </message>
    <message>
      <source>A node needs a name and a host.</source>
      <translation>Un nœud doit avoir un nom et un hôte.</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::NodesModel</name>
    <message>
      <source>Queued</source>
      <translation>En attente</translation>
    </message>
    <message>
      <source>Connecting</source>
      <translation>Connexion</translation>
    </message>
    <message>
      <source>Collecting</source>
      <translation>Collecte</translation>
    </message>
    <message>
      <source>Evaluating</source>
      <translation>Évaluation</translation>
    </message>
    <message>
      <source>Audited</source>
      <translation>Audité</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Échec</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annulé</translation>
    </message>
    <message>
      <source>Not scanned</source>
      <translation>Non analysé</translation>
    </message>
    <message>
      <source>%1 fail, %2 pass</source>
      <translation>%1 non conformes, %2 conformes</translation>
    </message>
    <message>
      <source>Node</source>
      <translation>Nœud</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>Rôles</translation>
    </message>
    <message>
      <source>Distribution</source>
      <translation>Distribution</translation>
    </message>
    <message>
      <source>Kubernetes</source>
      <translation>Kubernetes</translation>
    </message>
    <message>
      <source>Scan</source>
      <translation>Analyse</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Erreur</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::RemediationWizard</name>
    <message>
      <source>Fix %1</source>
      <translation>Corriger %1</translation>
    </message>
    <message>
      <source>Why this matters</source>
      <translation>Pourquoi c'est important</translation>
    </message>
    <message>
      <source>Rationale</source>
      <translation>Justification</translation>
    </message>
    <message>
      <source>Impact</source>
      <translation>Impact</translation>
    </message>
    <message>
      <source>None stated.</source>
      <translation>Aucun indiqué.</translation>
    </message>
    <message>
      <source>&amp;Nodes to fix (failing this control):</source>
      <translation>&amp;Nœuds à corriger (en échec sur ce contrôle) :</translation>
    </message>
    <message>
      <source>Parameters</source>
      <translation>Paramètres</translation>
    </message>
    <message>
      <source>Defaults are taken from each node; they are checked on the node before anything is written.</source>
      <translation>Les valeurs par défaut viennent de chaque nœud ; elles sont vérifiées sur le nœud avant toute écriture.</translation>
    </message>
    <message>
      <source>Node</source>
      <translation>Nœud</translation>
    </message>
    <message>
      <source>Parameter</source>
      <translation>Paramètre</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Valeur</translation>
    </message>
    <message>
      <source>Default</source>
      <translation>Par défaut</translation>
    </message>
    <message>
      <source>The change per node</source>
      <translation>La modification par nœud</translation>
    </message>
    <message>
      <source>N&amp;ode:</source>
      <translation>N&amp;œud :</translation>
    </message>
    <message>
      <source>Side by side</source>
      <translation>Côte à côte</translation>
    </message>
    <message>
      <source>Unified</source>
      <translation>Unifié</translation>
    </message>
    <message>
      <source>&amp;Restart the kubelet afterwards (systemctl daemon-reload and restart kubelet)</source>
      <translation>&amp;Redémarrer le kubelet ensuite (systemctl daemon-reload et restart kubelet)</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>Confirmer</translation>
    </message>
    <message>
      <source>I have reviewed the changes; &amp;write them to the nodes</source>
      <translation>J'ai relu les modifications ; les &amp;écrire sur les nœuds</translation>
    </message>
    <message>
      <source>&amp;Apply</source>
      <translation>&amp;Appliquer</translation>
    </message>
    <message>
      <source>Applying</source>
      <translation>Application en cours</translation>
    </message>
    <message>
      <source>Backup, write, follow-up and re-check, on every node in parallel. A node that fails does not stop the others.</source>
      <translation>Sauvegarde, écriture, suite et nouvelle vérification, sur chaque nœud en parallèle. Un nœud en échec n'arrête pas les autres.</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>Étape</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Détails</translation>
    </message>
    <message>
      <source>S&amp;top waiting</source>
      <translation>Arrêter l'a&amp;ttente</translation>
    </message>
    <message>
      <source>Stops the waits for the component; a file being written is finished first, and a change that did not come back is rolled back.</source>
      <translation>Arrête l'attente du composant ; un fichier en cours d'écriture est d'abord terminé, et une modification après laquelle le composant n'est pas revenu est annulée.</translation>
    </message>
    <message>
      <source>&amp;Results</source>
      <translation>&amp;Résultats</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Résultat</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Issue</translation>
    </message>
    <message>
      <source>Re-check</source>
      <translation>Nouvelle vérification</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Message</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>Où</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>Actuel</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>Attendu</translation>
    </message>
    <message>
      <source>The fix edits %1.</source>
      <translation>La correction modifie %1.</translation>
    </message>
    <message>
      <source>Reading the nodes…</source>
      <translation>Lecture des nœuds…</translation>
    </message>
    <message>
      <source>already passes: nothing to fix</source>
      <translation>déjà conforme : rien à corriger</translation>
    </message>
    <message>
      <source>No chosen node can be fixed.</source>
      <translation>Aucun des nœuds choisis ne peut être corrigé.</translation>
    </message>
    <message>
      <source>This fix takes no parameters.</source>
      <translation>Cette correction n'a pas de paramètre.</translation>
    </message>
    <message>
      <source>Reading the files from the nodes and checking the parameters…</source>
      <translation>Lecture des fichiers sur les nœuds et vérification des paramètres…</translation>
    </message>
    <message>
      <source>%1: not fixed: %2</source>
      <translation>%1 : non corrigé : %2</translation>
    </message>
    <message>
      <source>Review the change on every node.</source>
      <translation>Relisez la modification sur chaque nœud.</translation>
    </message>
    <message>
      <source>Follow-up: none; the change takes effect at once.</source>
      <translation>Suite : aucune ; la modification prend effet immédiatement.</translation>
    </message>
    <message>
      <source>Follow-up: the kubelet restarts the %1 static pod by itself; Kinspect waits until it runs with the new flags, then re-checks. If it does not come back, the old file is put back.</source>
      <translation>Suite : le kubelet redémarre lui-même le pod statique %1 ; Kinspect attend qu'il tourne avec les nouveaux flags, puis vérifie à nouveau. S'il ne revient pas, l'ancien fichier est remis en place.</translation>
    </message>
    <message>
      <source>Follow-up: %1. Only done when you tick the box below; otherwise the change waits for the next kubelet restart and is not re-checked.</source>
      <translation>Suite : %1. Seulement si vous cochez la case ci-dessous ; sinon la modification attend le prochain redémarrage du kubelet et n'est pas revérifiée.</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1 : %2</translation>
    </message>
    <message>
      <source>Kinspect will back up and change these files:</source>
      <translation>Kinspect va sauvegarder puis modifier ces fichiers :</translation>
    </message>
    <message>
      <source>The kubelet will be restarted on these nodes.</source>
      <translation>Le kubelet sera redémarré sur ces nœuds.</translation>
    </message>
    <message>
      <source>The kubelet will NOT be restarted; the change takes effect at its next restart.</source>
      <translation>Le kubelet ne sera PAS redémarré ; la modification prendra effet à son prochain redémarrage.</translation>
    </message>
    <message>
      <source>Backup and write</source>
      <translation>Sauvegarde et écriture</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>Suite</translation>
    </message>
    <message>
      <source>Rollback</source>
      <translation>Annulation</translation>
    </message>
    <message>
      <source>Checking</source>
      <translation>Vérification</translation>
    </message>
    <message>
      <source>Working</source>
      <translation>En cours</translation>
    </message>
    <message>
      <source>Queued</source>
      <translation>En attente</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Terminé</translation>
    </message>
    <message>
      <source>Fixed and verified</source>
      <translation>Corrigé et vérifié</translation>
    </message>
    <message>
      <source>Written, but the re-check still fails</source>
      <translation>Écrit, mais la nouvelle vérification échoue encore</translation>
    </message>
    <message>
      <source>Written; waits for a kubelet restart</source>
      <translation>Écrit ; attend un redémarrage du kubelet</translation>
    </message>
    <message>
      <source>Rolled back</source>
      <translation>Annulé</translation>
    </message>
    <message>
      <source>Rollback failed</source>
      <translation>Échec de l'annulation</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>Refusé</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Erreur</translation>
    </message>
    <message>
      <source>not re-checked</source>
      <translation>non revérifié</translation>
    </message>
    <message>
      <source>Roll back</source>
      <translation>Annuler la modification</translation>
    </message>
    <message>
      <source>Every change and rollback is recorded in %1.</source>
      <translation>Chaque modification et annulation est consignée dans %1.</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::ScanController</name>
    <message>
      <source>A scan is already running.</source>
      <translation>Une analyse est déjà en cours.</translation>
    </message>
    <message>
      <source>The inventory has no nodes.</source>
      <translation>L'inventaire ne contient aucun nœud.</translation>
    </message>
    <message>
      <source>The scan could not start.</source>
      <translation>L'analyse n'a pas pu démarrer.</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::ScanDiffModel</name>
    <message>
      <source>New failure</source>
      <translation>Nouvel échec</translation>
    </message>
    <message>
      <source>Fixed</source>
      <translation>Corrigé</translation>
    </message>
    <message>
      <source>Status changed</source>
      <translation>Statut modifié</translation>
    </message>
    <message>
      <source>Evidence changed</source>
      <translation>Preuve modifiée</translation>
    </message>
    <message>
      <source>Node added</source>
      <translation>Nœud ajouté</translation>
    </message>
    <message>
      <source>Node removed</source>
      <translation>Nœud retiré</translation>
    </message>
    <message>
      <source>—</source>
      <translation>—</translation>
    </message>
    <message>
      <source>Before:
%1
After:
%2</source>
      <translation>Avant :
%1
Après :
%2</translation>
    </message>
    <message>
      <source>%1 → %2</source>
      <translation>%1 → %2</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Changement</translation>
    </message>
    <message>
      <source>Node</source>
      <translation>Nœud</translation>
    </message>
    <message>
      <source>Control</source>
      <translation>Contrôle</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Avant</translation>
    </message>
    <message>
      <source>After</source>
      <translation>Après</translation>
    </message>
    <message>
      <source>Evidence (before → after)</source>
      <translation>Preuve (avant → après)</translation>
    </message>
    <message>
      <source>%1 = %2 → %3</source>
      <translation>%1 = %2 → %3</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::ScanListModel</name>
    <message>
      <source>complete</source>
      <translation>complète</translation>
    </message>
    <message>
      <source>interrupted</source>
      <translation>interrompue</translation>
    </message>
    <message>
      <source>Scan %1 of %2 by %3 (%4)
%5</source>
      <translation>Analyse %1 de %2 par %3 (%4)
%5</translation>
    </message>
    <message>
      <source>offline evaluation</source>
      <translation>évaluation hors ligne</translation>
    </message>
    <message>
      <source>Scan</source>
      <translation>Analyse</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>Début</translation>
    </message>
    <message>
      <source>Benchmark</source>
      <translation>Référentiel</translation>
    </message>
    <message>
      <source>Nodes</source>
      <translation>Nœuds</translation>
    </message>
    <message>
      <source>Pass</source>
      <translation>Réussi</translation>
    </message>
    <message>
      <source>Fail</source>
      <translation>Échec</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Autres</translation>
    </message>
    <message>
      <source>State</source>
      <translation>État</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::SecretDialog</name>
    <message>
      <source>sudo password for %1</source>
      <translation>Mot de passe sudo pour %1</translation>
    </message>
    <message>
      <source>Key passphrase for %1</source>
      <translation>Phrase secrète de la clé pour %1</translation>
    </message>
    <message>
      <source>Password for %1</source>
      <translation>Mot de passe pour %1</translation>
    </message>
    <message>
      <source>Node &lt;b&gt;%1&lt;/b&gt; asks:</source>
      <translation>Le nœud &lt;b&gt;%1&lt;/b&gt; demande :</translation>
    </message>
    <message>
      <source>Remember in the system &amp;keychain</source>
      <translation>Mémoriser dans le &amp;trousseau du système</translation>
    </message>
    <message>
      <source>Kinspect never writes secrets to disk or to its logs.</source>
      <translation>Kinspect n'écrit jamais de secrets sur le disque ni dans ses journaux.</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>Paramètres</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>Langue du système</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Langue :</translation>
    </message>
    <message>
      <source>Nodes scanned at &amp;once:</source>
      <translation>Nœuds analysés &amp;simultanément :</translation>
    </message>
    <message>
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <source>SSH &amp;timeout:</source>
      <translation>Délai &amp;SSH :</translation>
    </message>
    <message>
      <source>System colours</source>
      <translation>Couleurs du système</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Clair</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Sombre</translation>
    </message>
    <message>
      <source>&amp;Colours:</source>
      <translation>&amp;Couleurs :</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::SideBySideDiffModel</name>
    <message>
      <source>removed</source>
      <translation>supprimé</translation>
    </message>
    <message>
      <source>added</source>
      <translation>ajouté</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Ligne</translation>
    </message>
    <message>
      <source>Now on the node</source>
      <translation>Actuellement sur le nœud</translation>
    </message>
    <message>
      <source>After the fix</source>
      <translation>Après la correction</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::StatusChartWidget</name>
    <message>
      <source>score</source>
      <translation>score</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::SummaryWidget</name>
    <message>
      <source>No cluster</source>
      <translation>Aucun cluster</translation>
    </message>
    <message>
      <source>Open an inventory (Ctrl+O) and scan (F5).</source>
      <translation>Ouvrez un inventaire (Ctrl+O) et lancez l’analyse (F5).</translation>
    </message>
    <message>
      <source>%1 · %2 of %3 nodes audited</source>
      <translation>%1 · %2 nœuds audités sur %3</translation>
    </message>
    <message>
      <source>Score: –</source>
      <translation>Score : –</translation>
    </message>
    <message>
      <source>Score: %1%&lt;br&gt;&lt;small&gt;pass / (pass + fail)&lt;/small&gt;</source>
      <translation>Score : %1 %&lt;br&gt;&lt;small&gt;conformes / (conformes + non conformes)&lt;/small&gt;</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::WaiverEditDialog</name>
    <message>
      <source>Waive a failure</source>
      <translation>Accorder une dérogation</translation>
    </message>
    <message>
      <source>Control:</source>
      <translation>Contrôle :</translation>
    </message>
    <message>
      <source>&amp;ID:</source>
      <translation>&amp;ID :</translation>
    </message>
    <message>
      <source>Only node %1</source>
      <translation>Seulement le nœud %1</translation>
    </message>
    <message>
      <source>Every node with role %1</source>
      <translation>Chaque nœud de rôle %1</translation>
    </message>
    <message>
      <source>Every node</source>
      <translation>Chaque nœud</translation>
    </message>
    <message>
      <source>&amp;Applies to:</source>
      <translation>&amp;S’applique à :</translation>
    </message>
    <message>
      <source>Why the risk is accepted (ticket, compensating control)</source>
      <translation>Pourquoi le risque est accepté (ticket, mesure compensatoire)</translation>
    </message>
    <message>
      <source>&amp;Justification:</source>
      <translation>&amp;Justification :</translation>
    </message>
    <message>
      <source>&amp;Owner:</source>
      <translation>&amp;Responsable :</translation>
    </message>
    <message>
      <source>The last day the waiver holds; after it the failure counts again.</source>
      <translation>Dernier jour de validité de la dérogation ; ensuite l’échec compte de nouveau.</translation>
    </message>
    <message>
      <source>&amp;Expires after:</source>
      <translation>&amp;Valable jusqu’au :</translation>
    </message>
    <message>
      <source>&amp;Waive</source>
      <translation>&amp;Déroger</translation>
    </message>
    <message>
      <source>Give the waiver an ID.</source>
      <translation>Donnez un ID à la dérogation.</translation>
    </message>
    <message>
      <source>The ID %1 is already used by another waiver.</source>
      <translation>L’ID %1 est déjà utilisé par une autre dérogation.</translation>
    </message>
    <message>
      <source>Say why the risk is accepted.</source>
      <translation>Indiquez pourquoi le risque est accepté.</translation>
    </message>
    <message>
      <source>Name the owner who accepts the risk.</source>
      <translation>Nommez le responsable qui accepte le risque.</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::WaiverModel</name>
    <message>
      <source>every node</source>
      <translation>chaque nœud</translation>
    </message>
    <message>
      <source>%1 (expired)</source>
      <translation>%1 (expirée)</translation>
    </message>
    <message>
      <source>This waiver expired: the failures it covered count as FAIL again.</source>
      <translation>Cette dérogation a expiré : les échecs qu’elle couvrait comptent de nouveau comme FAIL.</translation>
    </message>
    <message>
      <source>ID</source>
      <translation>ID</translation>
    </message>
    <message>
      <source>Control</source>
      <translation>Contrôle</translation>
    </message>
    <message>
      <source>Nodes or roles</source>
      <translation>Nœuds ou rôles</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Responsable</translation>
    </message>
    <message>
      <source>Expires</source>
      <translation>Échéance</translation>
    </message>
    <message>
      <source>Justification</source>
      <translation>Justification</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::WaiversDialog</name>
    <message>
      <source>Waivers</source>
      <translation>Dérogations</translation>
    </message>
    <message>
      <source>&amp;Add…</source>
      <translation>&amp;Ajouter…</translation>
    </message>
    <message>
      <source>&amp;Remove</source>
      <translation>&amp;Retirer</translation>
    </message>
    <message>
      <source>&amp;Import YAML…</source>
      <translation>&amp;Importer du YAML…</translation>
    </message>
    <message>
      <source>E&amp;xport YAML…</source>
      <translation>E&amp;xporter en YAML…</translation>
    </message>
    <message>
      <source>Cannot open the scan history: %1</source>
      <translation>Impossible d’ouvrir l’historique des analyses : %1</translation>
    </message>
    <message>
      <source>Cannot read the waivers: %1</source>
      <translation>Impossible de lire les dérogations : %1</translation>
    </message>
    <message numerus="yes">
      <source>%n waiver(s) stored with the scan history.</source>
      <translation>
        <numerusform>%n dérogation enregistrée avec l’historique.</numerusform>
        <numerusform>%n dérogations enregistrées avec l’historique.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n expired: the failures they covered count again.</source>
      <translation>
        <numerusform>%n expirée : les échecs couverts comptent de nouveau.</numerusform>
        <numerusform>%n expirées : les échecs couverts comptent de nouveau.</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot store the waiver %1: %2</source>
      <translation>Impossible d’enregistrer la dérogation %1 : %2</translation>
    </message>
    <message>
      <source>Cannot remove the waiver %1: %2</source>
      <translation>Impossible de retirer la dérogation %1 : %2</translation>
    </message>
    <message>
      <source>Nothing imported. %1</source>
      <translation>Rien n’a été importé. %1</translation>
    </message>
    <message>
      <source>Cannot import %1: %2</source>
      <translation>Impossible d’importer %1 : %2</translation>
    </message>
    <message numerus="yes">
      <source>Imported %n waiver(s) from %1.</source>
      <translation>
        <numerusform>%n dérogation importée depuis %1.</numerusform>
        <numerusform>%n dérogations importées depuis %1.</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot write %1: %2</source>
      <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
      <source>Open a result first: a waiver names one of its benchmark's controls.</source>
      <translation>Ouvrez d’abord un résultat : une dérogation désigne un contrôle de son référentiel.</translation>
    </message>
    <message>
      <source>Waive a failure</source>
      <translation>Accorder une dérogation</translation>
    </message>
    <message>
      <source>Control:</source>
      <translation>Contrôle :</translation>
    </message>
    <message>
      <source>Import waivers</source>
      <translation>Importer des dérogations</translation>
    </message>
    <message>
      <source>Waivers (*.yaml *.yml)</source>
      <translation>Dérogations (*.yaml *.yml)</translation>
    </message>
    <message>
      <source>Export waivers</source>
      <translation>Exporter les dérogations</translation>
    </message>
    <message>
      <source>Waivers written to %1</source>
      <translation>Dérogations écrites dans %1</translation>
    </message>
  </context>
  <context>
    <name>main</name>
    <message>
      <source>Audits Kubernetes nodes against the CIS benchmark.</source>
      <translation>Audite les nœuds Kubernetes selon le référentiel CIS.</translation>
    </message>
    <message>
      <source>Open this inventory file.</source>
      <translation>Ouvrir ce fichier d'inventaire.</translation>
    </message>
    <message>
      <source>known_hosts file (default ~/.ssh/known_hosts).</source>
      <translation>Fichier known_hosts (par défaut ~/.ssh/known_hosts).</translation>
    </message>
    <message>
      <source>OpenSSH client config to read ('none' for none).</source>
      <translation>Configuration du client OpenSSH à lire ('none' pour aucune).</translation>
    </message>
    <message>
      <source>Answer password prompts from KIND[@NODE]=SECRET lines.</source>
      <translation>Répondre aux demandes de mot de passe à partir de lignes KIND[@NODE]=SECRET.</translation>
    </message>
    <message>
      <source>Open a saved JSON result.</source>
      <translation>Ouvrir un résultat JSON enregistré.</translation>
    </message>
    <message>
      <source>Start scanning at once.</source>
      <translation>Lancer l'analyse immédiatement.</translation>
    </message>
    <message>
      <source>Save a picture of the window to FILE once the scan (or the loaded result) is shown, then quit.</source>
      <translation>Enregistrer une image de la fenêtre dans FICHIER une fois l'analyse (ou le résultat chargé) affichée, puis quitter.</translation>
    </message>
    <message>
      <source>Colour palette: system, light or dark.</source>
      <translation>Palette de couleurs : system, light ou dark.</translation>
    </message>
    <message>
      <source>User interface language (en, de, fr).</source>
      <translation>Langue de l'interface (en, de, fr).</translation>
    </message>
    <message>
      <source>Select the matrix cell of control ID on node NODE once the result is shown.</source>
      <translation>Sélectionner la cellule de la matrice du contrôle ID sur le nœud NODE une fois le résultat affiché.</translation>
    </message>
  </context>
</TS>
