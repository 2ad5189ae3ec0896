<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
  <context>
    <name>ErrorAdvice</name>
    <message>
      <source>The node could not be reached.</source>
      <translation>Der Knoten war nicht erreichbar.</translation>
    </message>
    <message>
      <source>Check the host name and port in the inventory, that the node is up and that sshd listens on that port.</source>
      <translation>Prüfen Sie Hostname und Port im Inventar, ob der Knoten läuft und ob sshd auf diesem Port lauscht.</translation>
    </message>
    <message>
      <source>The node did not answer in time.</source>
      <translation>Der Knoten hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
      <source>Check firewalls and the jump host, or raise the timeouts in the settings, then scan again.</source>
      <translation>Prüfen Sie Firewalls und den Jump-Host oder erhöhen Sie die Zeitlimits in den Einstellungen, dann prüfen Sie erneut.</translation>
    </message>
    <message>
      <source>The node's host key was not trusted.</source>
      <translation>Dem Host-Schlüssel des Knotens wurde nicht vertraut.</translation>
    </message>
    <message>
      <source>An unknown key was refused, or the key changed since it was saved. Compare the fingerprint with the node (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub); if a changed key is expected, remove the old line from known_hosts.</source>
      <translation>Ein unbekannter Schlüssel wurde abgelehnt, oder der Schlüssel hat sich seit dem Speichern geändert. Vergleichen Sie den Fingerabdruck mit dem Knoten (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub); ist die Änderung erwartet, entfernen Sie die alte Zeile aus known_hosts.</translation>
    </message>
    <message>
      <source>Authentication failed.</source>
      <translation>Die Anmeldung ist fehlgeschlagen.</translation>
    </message>
    <message>
      <source>Check the user and identity file of the node (or the defaults), that the key is in authorized_keys, or load the key into your ssh-agent.</source>
      <translation>Prüfen Sie Benutzer und Schlüsseldatei des Knotens (oder die Vorgaben), ob der Schlüssel in authorized_keys steht, oder laden Sie ihn in Ihren ssh-agent.</translation>
    </message>
    <message>
      <source>sudo refused to run the collector.</source>
      <translation>sudo hat die Ausführung des Collectors verweigert.</translation>
    </message>
    <message>
      <source>Check the node's sudo mode (none, nopasswd, password) and the password, and that the user may run sh through sudo.</source>
      <translation>Prüfen Sie den sudo-Modus des Knotens (none, nopasswd, password) und das Passwort, und ob der Benutzer sh über sudo ausführen darf.</translation>
    </message>
    <message>
      <source>The collector failed on the node.</source>
      <translation>Der Collector ist auf dem Knoten fehlgeschlagen.</translation>
    </message>
    <message>
      <source>The node needs a POSIX sh and read access to the Kubernetes files (root or sudo). The message names what failed.</source>
      <translation>Der Knoten braucht eine POSIX-sh und Lesezugriff auf die Kubernetes-Dateien (root oder sudo). Die Meldung nennt, was fehlschlug.</translation>
    </message>
    <message>
      <source>The collector's output could not be read.</source>
      <translation>Die Ausgabe des Collectors konnte nicht gelesen werden.</translation>
    </message>
    <message>
      <source>A login script may print text into the session; export the report and file an issue with it.</source>
      <translation>Vielleicht schreibt ein Login-Skript Text in die Sitzung; exportieren Sie den Bericht und melden Sie damit ein Problem.</translation>
    </message>
    <message>
      <source>The scan was cancelled.</source>
      <translation>Die Prüfung wurde abgebrochen.</translation>
    </message>
    <message>
      <source>Scan again to audit this node.</source>
      <translation>Prüfen Sie erneut, um diesen Knoten zu auditieren.</translation>
    </message>
    <message>
      <source>The node could not be audited.</source>
      <translation>Der Knoten konnte nicht auditiert werden.</translation>
    </message>
    <message>
      <source>Scan again; if it keeps failing, export the report and file an issue with it.</source>
      <translation>Prüfen Sie erneut; schlägt es weiter fehl, exportieren Sie den Bericht und melden Sie damit ein Problem.</translation>
    </message>
  </context>
  <context>
    <name>ResultFile</name>
    <message>
      <source>not a JSON report: %1 at offset %2</source>
      <translation>kein JSON-Bericht: %1 an Position %2</translation>
    </message>
    <message>
      <source>not a Kinspect JSON report (no "benchmark" or "nodes")</source>
      <translation>kein Kinspect-JSON-Bericht (kein „benchmark“ oder „nodes“)</translation>
    </message>
    <message>
      <source>a node has no name</source>
      <translation>ein Knoten hat keinen Namen</translation>
    </message>
    <message>
      <source>node %1: a result without an id or a known status</source>
      <translation>Knoten %1: ein Ergebnis ohne ID oder bekannten Status</translation>
    </message>
    <message>
      <source>damaged or truncated result file</source>
      <translation>beschädigte oder unvollständige Ergebnisdatei</translation>
    </message>
    <message>
      <source>result file of a newer version</source>
      <translation>Ergebnisdatei einer neueren Version</translation>
    </message>
  </context>
  <context>
    <name>StatusStyle</name>
    <message>
      <source>Pass</source>
      <translation>Bestanden</translation>
    </message>
    <message>
      <source>Fail</source>
      <translation>Verstoß</translation>
    </message>
    <message>
      <source>Manual</source>
      <translation>Manuell</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Fehler</translation>
    </message>
    <message>
      <source>Not applicable</source>
      <translation>Nicht zutreffend</translation>
    </message>
    <message>
      <source>Waived</source>
      <translation>Ausgenommen</translation>
    </message>
    <message>
      <source>The node meets this control.</source>
      <translation>Der Knoten erfüllt diese Kontrolle.</translation>
    </message>
    <message>
      <source>The node does not meet this control.</source>
      <translation>Der Knoten erfüllt diese Kontrolle nicht.</translation>
    </message>
    <message>
      <source>A person has to review this control.</source>
      <translation>Diese Kontrolle muss eine Person prüfen.</translation>
    </message>
    <message>
      <source>The control could not be audited.</source>
      <translation>Die Kontrolle konnte nicht auditiert werden.</translation>
    </message>
    <message>
      <source>The control does not apply to this node.</source>
      <translation>Die Kontrolle gilt nicht für diesen Knoten.</translation>
    </message>
    <message>
      <source>The risk was accepted (waived).</source>
      <translation>Das Risiko wurde akzeptiert (Ausnahme).</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::CompareDialog</name>
    <message>
      <source>Compare scans</source>
      <translation>Prüfungen vergleichen</translation>
    </message>
    <message>
      <source>&lt;b&gt;Before:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;After:&lt;/b&gt; %2</source>
      <translation>&lt;b&gt;Vorher:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Nachher:&lt;/b&gt; %2</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>No changes between these scans.</source>
      <translation>Keine Änderungen zwischen diesen Prüfungen.</translation>
    </message>
    <message>
      <source>&amp;Show:</source>
      <translation>&amp;Zeigen:</translation>
    </message>
    <message>
      <source>Every change</source>
      <translation>Jede Änderung</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>&amp;Exportieren…</translation>
    </message>
    <message>
      <source>Scan comparison</source>
      <translation>Vergleich der Prüfungen</translation>
    </message>
    <message>
      <source>Unknown comparison format %1 (text, json or html).</source>
      <translation>Unbekanntes Vergleichsformat %1 (text, json oder html).</translation>
    </message>
    <message>
      <source>Text (*.txt)</source>
      <translation>Text (*.txt)</translation>
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
      <translation>Vergleich exportieren</translation>
    </message>
    <message>
      <source>Cannot export the comparison</source>
      <translation>Der Vergleich kann nicht exportiert werden</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::ControlNodesModel</name>
    <message>
      <source>no result</source>
      <translation>kein Ergebnis</translation>
    </message>
    <message>
      <source>Node</source>
      <translation>Knoten</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>Rollen</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Actual value</source>
      <translation>Ist-Wert</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Begründung</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::DetailPane</name>
    <message>
      <source>Evidence on the selected node</source>
      <translation>Nachweise auf dem gewählten Knoten</translation>
    </message>
    <message>
      <source>Select a control or a cell of the matrix.</source>
      <translation>Wählen Sie eine Kontrolle oder eine Zelle der Matrix.</translation>
    </message>
    <message>
      <source>%1 · section %2 %3 · %4</source>
      <translation>%1 · Abschnitt %2 %3 · %4</translation>
    </message>
    <message>
      <source>automated</source>
      <translation>automatisiert</translation>
    </message>
    <message>
      <source>manual</source>
      <translation>manuell</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Beschreibung</translation>
    </message>
    <message>
      <source>Rationale</source>
      <translation>Begründung</translation>
    </message>
    <message>
      <source>Audit</source>
      <translation>Prüfung</translation>
    </message>
    <message>
      <source>Remediation</source>
      <translation>Behebung</translation>
    </message>
    <message>
      <source>Impact</source>
      <translation>Auswirkung</translation>
    </message>
    <message>
      <source>Default value</source>
      <translation>Standardwert</translation>
    </message>
    <message>
      <source>References</source>
      <translation>Verweise</translation>
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
      <translation>Die gesammelten Daten deuten auf: %1</translation>
    </message>
    <message>
      <source>A fix would edit &lt;tt&gt;%1&lt;/tt&gt; on this node.</source>
      <translation>Eine Behebung würde &lt;tt&gt;%1&lt;/tt&gt; auf diesem Knoten ändern.</translation>
    </message>
    <message>
      <source>&lt;b&gt;%1&lt;/b&gt; was not audited: %2</source>
      <translation>&lt;b&gt;%1&lt;/b&gt; wurde nicht auditiert: %2</translation>
    </message>
    <message>
      <source>Select a node's cell to see its verdict and evidence.</source>
      <translation>Wählen Sie die Zelle eines Knotens, um Ergebnis und Nachweise zu sehen.</translation>
    </message>
    <message>
      <source>%1 could not be audited</source>
      <translation>%1 konnte nicht auditiert werden</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>Was geschah</translation>
    </message>
    <message>
      <source>What to do next</source>
      <translation>Was jetzt zu tun ist</translation>
    </message>
    <message>
      <source>Waiver %1 (%2) &lt;b&gt;expired&lt;/b&gt; after %3: %4</source>
      <translation>Ausnahme %1 (%2) ist nach dem %3 &lt;b&gt;abgelaufen&lt;/b&gt;: %4</translation>
    </message>
    <message>
      <source>Waived by %1 (%2) until %3: %4</source>
      <translation>Ausnahme %1 (%2) bis %3: %4</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::EvidenceModel</name>
    <message>
      <source>command line</source>
      <translation>Befehlszeile</translation>
    </message>
    <message>
      <source>config file</source>
      <translation>Konfigurationsdatei</translation>
    </message>
    <message>
      <source>default</source>
      <translation>Standard</translation>
    </message>
    <message>
      <source>not set</source>
      <translation>nicht gesetzt</translation>
    </message>
    <message>
      <source>file stat</source>
      <translation>Dateiattribute</translation>
    </message>
    <message>
      <source>file</source>
      <translation>Datei</translation>
    </message>
    <message>
      <source>process</source>
      <translation>Prozess</translation>
    </message>
    <message>
      <source>note</source>
      <translation>Hinweis</translation>
    </message>
    <message>
      <source>(unset)</source>
      <translation>(nicht gesetzt)</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Quelle</translation>
    </message>
    <message>
      <source>Path / key</source>
      <translation>Pfad / Schlüssel</translation>
    </message>
    <message>
      <source>Actual</source>
      <translation>Ist</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>Erwartet</translation>
    </message>
    <message>
      <source>Collection command</source>
      <translation>Erfassungsbefehl</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::HistoryController</name>
    <message>
      <source>Hi&amp;story</source>
      <translation>&amp;Verlauf</translation>
    </message>
    <message>
      <source>&amp;History…</source>
      <translation>&amp;Verlauf…</translation>
    </message>
    <message>
      <source>Past scans of this inventory: open, compare, delete</source>
      <translation>Frühere Prüfungen dieses Inventars: öffnen, vergleichen, löschen</translation>
    </message>
    <message>
      <source>&amp;Compare with…</source>
      <translation>&amp;Vergleichen mit…</translation>
    </message>
    <message>
      <source>Compare the result on screen with a past scan</source>
      <translation>Das angezeigte Ergebnis mit einer früheren Prüfung vergleichen</translation>
    </message>
    <message>
      <source>&amp;Waivers…</source>
      <translation>&amp;Ausnahmen…</translation>
    </message>
    <message>
      <source>Accepted risks: list, add, remove, import and export</source>
      <translation>Akzeptierte Risiken: anzeigen, hinzufügen, entfernen, importieren und exportieren</translation>
    </message>
    <message>
      <source>Wai&amp;ve…</source>
      <translation>Aus&amp;nahme…</translation>
    </message>
    <message>
      <source>Accept the selected failure with a justification and expiry</source>
      <translation>Den gewählten Fehlschlag mit Begründung und Ablaufdatum akzeptieren</translation>
    </message>
    <message>
      <source>Scan not stored in the history: %1</source>
      <translation>Prüfung nicht im Verlauf gespeichert: %1</translation>
    </message>
    <message>
      <source>Scan %1 of %2 from the history (%3), read-only.</source>
      <translation>Prüfung %1 von %2 aus dem Verlauf (%3), nur lesend.</translation>
    </message>
    <message>
      <source>scan %1 on screen (%2)</source>
      <translation>angezeigte Prüfung %1 (%2)</translation>
    </message>
    <message>
      <source>the result on screen (%1, %2)</source>
      <translation>das angezeigte Ergebnis (%1, %2)</translation>
    </message>
    <message>
      <source>Cannot open the scan</source>
      <translation>Die Prüfung kann nicht geöffnet werden</translation>
    </message>
    <message>
      <source>Compare with a past scan</source>
      <translation>Mit einer früheren Prüfung vergleichen</translation>
    </message>
    <message>
      <source>Cannot store the waiver</source>
      <translation>Die Ausnahme kann nicht gespeichert werden</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::HistoryDialog</name>
    <message>
      <source>scan %1 of %2, %3 (%4)</source>
      <translation>Prüfung %1 von %2, %3 (%4)</translation>
    </message>
    <message>
      <source>Scan history</source>
      <translation>Prüfverlauf</translation>
    </message>
    <message>
      <source>Past scans of the inventory %1</source>
      <translation>Frühere Prüfungen des Inventars %1</translation>
    </message>
    <message>
      <source>Past scans of the cluster %1</source>
      <translation>Frühere Prüfungen des Clusters %1</translation>
    </message>
    <message>
      <source>Every &amp;inventory and cluster</source>
      <translation>Jedes &amp;Inventar und jeder Cluster</translation>
    </message>
    <message>
      <source>Show &amp;interrupted scans</source>
      <translation>&amp;Abgebrochene Prüfungen zeigen</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
      <source>&amp;Compare</source>
      <translation>&amp;Vergleichen</translation>
    </message>
    <message>
      <source>Select two scans, or one to compare with the scan before it.</source>
      <translation>Wählen Sie zwei Prüfungen, oder eine, um sie mit der vorherigen zu vergleichen.</translation>
    </message>
    <message>
      <source>Compare with &amp;shown result</source>
      <translation>Mit dem &amp;angezeigten Ergebnis vergleichen</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Löschen</translation>
    </message>
    <message>
      <source>Cannot open the scan history: %1</source>
      <translation>Der Prüfverlauf kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
      <source>Cannot read the scan history: %1</source>
      <translation>Der Prüfverlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
      <source>No scans stored yet: every scan you run is kept here.</source>
      <translation>Noch keine Prüfungen gespeichert: jede Prüfung, die Sie starten, wird hier aufbewahrt.</translation>
    </message>
    <message>
      <source>Cannot load scan %1: %2</source>
      <translation>Prüfung %1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
      <source>Scan %1 has no earlier complete scan of its cluster to compare with.</source>
      <translation>Für Prüfung %1 gibt es keine frühere vollständige Prüfung ihres Clusters zum Vergleich.</translation>
    </message>
    <message>
      <source>Delete scan</source>
      <translation>Prüfung löschen</translation>
    </message>
    <message>
      <source>Delete scan %1 and its snapshots from the history?</source>
      <translation>Prüfung %1 mit ihren Momentaufnahmen aus dem Verlauf löschen?</translation>
    </message>
    <message>
      <source>Cannot delete scan %1: %2</source>
      <translation>Prüfung %1 kann nicht gelöscht werden: %2</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::HostKeyDialog</name>
    <message>
      <source>Unknown host key</source>
      <translation>Unbekannter Host-Schlüssel</translation>
    </message>
    <message>
      <source>&lt;b&gt;%1&lt;/b&gt; (%2, port %3) presented a host key that is not in your known_hosts file.</source>
      <translation>&lt;b&gt;%1&lt;/b&gt; (%2, Port %3) hat einen Host-Schlüssel vorgelegt, der nicht in Ihrer known_hosts-Datei steht.</translation>
    </message>
    <message>
      <source>Key type: %1</source>
      <translation>Schlüsseltyp: %1</translation>
    </message>
    <message>
      <source>Compare this fingerprint with the one the node prints for &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub&lt;/tt&gt; before you trust it.</source>
      <translation>Vergleichen Sie diesen Fingerabdruck mit der Ausgabe von &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_%1_key.pub&lt;/tt&gt; auf dem Knoten, bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
      <source>Saving adds it to %1.</source>
      <translation>Speichern fügt ihn zu %1 hinzu.</translation>
    </message>
    <message>
      <source>Trust &amp;once</source>
      <translation>&amp;Einmal vertrauen</translation>
    </message>
    <message>
      <source>Trust and &amp;save</source>
      <translation>Vertrauen und &amp;speichern</translation>
    </message>
    <message>
      <source>&amp;Refuse</source>
      <translation>&amp;Ablehnen</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::InventoryDialog</name>
    <message>
      <source>Edit inventory</source>
      <translation>Inventar bearbeiten</translation>
    </message>
    <message>
      <source>&amp;Cluster:</source>
      <translation>&amp;Cluster:</translation>
    </message>
    <message>
      <source>Automatic (by Kubernetes version)</source>
      <translation>Automatisch (nach Kubernetes-Version)</translation>
    </message>
    <message>
      <source>&amp;Benchmark:</source>
      <translation>&amp;Benchmark:</translation>
    </message>
    <message>
      <source>Defaults for every node</source>
      <translation>Vorgaben für alle Knoten</translation>
    </message>
    <message>
      <source>none</source>
      <translation>keins</translation>
    </message>
    <message>
      <source>nopasswd</source>
      <translation>ohne Passwort (nopasswd)</translation>
    </message>
    <message>
      <source>password</source>
      <translation>Passwort</translation>
    </message>
    <message>
      <source>&amp;User:</source>
      <translation>&amp;Benutzer:</translation>
    </message>
    <message>
      <source>&amp;Port:</source>
      <translation>&amp;Port:</translation>
    </message>
    <message>
      <source>&amp;Identity file:</source>
      <translation>&amp;Schlüsseldatei:</translation>
    </message>
    <message>
      <source>&amp;sudo:</source>
      <translation>s&amp;udo:</translation>
    </message>
    <message>
      <source>&amp;Add…</source>
      <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
      <source>&amp;Remove</source>
      <translation>&amp;Entfernen</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::InventoryNodesModel</name>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Host</source>
      <translation>Host</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>Port</translation>
    </message>
    <message>
      <source>User</source>
      <translation>Benutzer</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>Rollen</translation>
    </message>
    <message>
      <source>sudo</source>
      <translation>sudo</translation>
    </message>
    <message>
      <source>Jump host</source>
      <translation>Jump-Host</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::MainWindow</name>
    <message>
      <source>About Kinspect</source>
      <translation>Über Kinspect</translation>
    </message>
    <message>
      <source>&lt;b&gt;Kinspect %1&lt;/b&gt;&lt;p&gt;Audits Kubernetes nodes against the CIS Kubernetes Benchmark over SSH.&lt;/p&gt;</source>
      <translation>&lt;b&gt;Kinspect %1&lt;/b&gt;&lt;p&gt;Prüft Kubernetes-Knoten über SSH gegen den CIS Kubernetes Benchmark.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
      <source>&amp;Inventory</source>
      <translation>&amp;Inventar</translation>
    </message>
    <message>
      <source>&amp;Scan</source>
      <translation>&amp;Prüfen</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <source>&amp;New inventory</source>
      <translation>&amp;Neues Inventar</translation>
    </message>
    <message>
      <source>&amp;Open inventory…</source>
      <translation>Inventar ö&amp;ffnen…</translation>
    </message>
    <message>
      <source>Open saved &amp;result…</source>
      <translation>Gespeichertes &amp;Ergebnis öffnen…</translation>
    </message>
    <message>
      <source>&amp;Save inventory</source>
      <translation>Inventar &amp;speichern</translation>
    </message>
    <message>
      <source>Save inventory &amp;as…</source>
      <translation>Inventar speichern &amp;unter…</translation>
    </message>
    <message>
      <source>&amp;Export report…</source>
      <translation>Bericht e&amp;xportieren…</translation>
    </message>
    <message>
      <source>Se&amp;ttings…</source>
      <translation>E&amp;instellungen…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>&amp;Edit inventory…</source>
      <translation>Inventar &amp;bearbeiten…</translation>
    </message>
    <message>
      <source>Scan every node of the inventory (F5)</source>
      <translation>Alle Knoten des Inventars prüfen (F5)</translation>
    </message>
    <message>
      <source>&amp;Cancel scan</source>
      <translation>Prüfung a&amp;bbrechen</translation>
    </message>
    <message>
      <source>Stop the running scan (Esc)</source>
      <translation>Laufende Prüfung anhalten (Esc)</translation>
    </message>
    <message>
      <source>&amp;Find control…</source>
      <translation>Kontrolle &amp;suchen…</translation>
    </message>
    <message>
      <source>&amp;Matrix</source>
      <translation>&amp;Matrix</translation>
    </message>
    <message>
      <source>&amp;Node view</source>
      <translation>&amp;Knotenansicht</translation>
    </message>
    <message>
      <source>&amp;Control view</source>
      <translation>K&amp;ontrollansicht</translation>
    </message>
    <message>
      <source>&amp;Worst first</source>
      <translation>&amp;Schlechteste zuerst</translation>
    </message>
    <message>
      <source>E&amp;xpand all sections</source>
      <translation>Alle Abschnitte &amp;aufklappen</translation>
    </message>
    <message>
      <source>C&amp;ollapse all sections</source>
      <translation>Alle Abschnitte &amp;zuklappen</translation>
    </message>
    <message>
      <source>&amp;About Kinspect</source>
      <translation>Ü&amp;ber Kinspect</translation>
    </message>
    <message>
      <source> Benchmark: </source>
      <translation> Benchmark: </translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>Automatisch</translation>
    </message>
    <message>
      <source>Automatic: chosen by the nodes' Kubernetes version after the scan</source>
      <translation>Automatisch: nach der Prüfung anhand der Kubernetes-Version der Knoten gewählt</translation>
    </message>
    <message>
      <source>Matrix</source>
      <translation>Matrix</translation>
    </message>
    <message>
      <source>Node view</source>
      <translation>Knotenansicht</translation>
    </message>
    <message>
      <source>Control view</source>
      <translation>Kontrollansicht</translation>
    </message>
    <message>
      <source>Select a control in the matrix.</source>
      <translation>Wählen Sie eine Kontrolle in der Matrix.</translation>
    </message>
    <message>
      <source>Clear list</source>
      <translation>Liste leeren</translation>
    </message>
    <message>
      <source>Unsaved inventory</source>
      <translation>Ungespeichertes Inventar</translation>
    </message>
    <message>
      <source>The inventory has unsaved changes. Save them?</source>
      <translation>Das Inventar hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message numerus="yes">
      <source>%n node(s) in the inventory. Press F5 to scan.</source>
      <translation>
        <numerusform>%n Knoten im Inventar. F5 startet die Prüfung.</numerusform>
        <numerusform>%n Knoten im Inventar. F5 startet die Prüfung.</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot open the inventory</source>
      <translation>Inventar kann nicht geöffnet werden</translation>
    </message>
    <message>
      <source>Cannot save the inventory</source>
      <translation>Inventar kann nicht gespeichert werden</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>%1 gespeichert</translation>
    </message>
    <message>
      <source>Cannot open the result</source>
      <translation>Ergebnis kann nicht geöffnet werden</translation>
    </message>
    <message>
      <source>%1: unknown benchmark %2</source>
      <translation>%1: unbekannter Benchmark %2</translation>
    </message>
    <message>
      <source>Nothing to scan</source>
      <translation>Nichts zu prüfen</translation>
    </message>
    <message>
      <source>Open or create an inventory with at least one node.</source>
      <translation>Öffnen oder erstellen Sie ein Inventar mit mindestens einem Knoten.</translation>
    </message>
    <message>
      <source>Cannot scan</source>
      <translation>Prüfung nicht möglich</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
      <source>Scanning %n node(s)…</source>
      <translation>
        <numerusform>Prüfe %n Knoten…</numerusform>
        <numerusform>Prüfe %n Knoten…</numerusform>
      </translation>
    </message>
    <message>
      <source>Scan cancelled.</source>
      <translation>Prüfung abgebrochen.</translation>
    </message>
    <message>
      <source>Scan finished.</source>
      <translation>Prüfung beendet.</translation>
    </message>
    <message>
      <source>Benchmark %1; %2 of %3 nodes audited.</source>
      <translation>Benchmark %1; %2 von %3 Knoten auditiert.</translation>
    </message>
    <message>
      <source>Hover a node's error for what to do next.</source>
      <translation>Zeigen Sie auf den Fehler eines Knotens, um zu sehen, was zu tun ist.</translation>
    </message>
    <message>
      <source>new-cluster</source>
      <translation>neuer-cluster</translation>
    </message>
    <message>
      <source>Open inventory</source>
      <translation>Inventar öffnen</translation>
    </message>
    <message>
      <source>Inventory (*.yaml *.yml);;All files (*)</source>
      <translation>Inventar (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Open saved result</source>
      <translation>Gespeichertes Ergebnis öffnen</translation>
    </message>
    <message>
      <source>JSON report (*.json);;All files (*)</source>
      <translation>JSON-Bericht (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Save inventory</source>
      <translation>Inventar speichern</translation>
    </message>
    <message>
      <source>Inventory (*.yaml *.yml)</source>
      <translation>Inventar (*.yaml *.yml)</translation>
    </message>
    <message>
      <source>%1 report (*.%2)</source>
      <translation>%1-Bericht (*.%2)</translation>
    </message>
    <message>
      <source>Export report</source>
      <translation>Bericht exportieren</translation>
    </message>
    <message>
      <source>Cannot export the report</source>
      <translation>Bericht kann nicht exportiert werden</translation>
    </message>
    <message>
      <source>Report written to %1</source>
      <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
      <source>Save res&amp;ult…</source>
      <translation>Ergebnis s&amp;peichern…</translation>
    </message>
    <message>
      <source>Save result</source>
      <translation>Ergebnis speichern</translation>
    </message>
    <message>
      <source>Kinspect result (*.kinspect);;JSON report (*.json)</source>
      <translation>Kinspect-Ergebnis (*.kinspect);;JSON-Bericht (*.json)</translation>
    </message>
    <message>
      <source>Cannot save the result</source>
      <translation>Ergebnis kann nicht gespeichert werden</translation>
    </message>
    <message>
      <source>&amp;Fix…</source>
      <translation>&amp;Beheben…</translation>
    </message>
    <message>
      <source>Fix this failed control on its node(s): diff, apply, re-check</source>
      <translation>Diese verletzte Prüfung auf ihren Knoten beheben: Diff, Anwenden, erneut prüfen</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::MatrixModel</name>
    <message numerus="yes">
      <source>%n failing</source>
      <comment>controls of a section</comment>
      <translation>
        <numerusform>%n mit Verstoß</numerusform>
        <numerusform>%n mit Verstoß</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 of %2 controls fail on at least one node; %3 differ between nodes</source>
      <translation>%1 von %2 Kontrollen schlagen auf mindestens einem Knoten fehl; %3 unterscheiden sich zwischen Knoten</translation>
    </message>
    <message>
      <source>%1: worst status in %2 is %3</source>
      <translation>%1: schlechtester Status in %2 ist %3</translation>
    </message>
    <message>
      <source>%1 (manual control)</source>
      <translation>%1 (manuelle Kontrolle)</translation>
    </message>
    <message>
      <source>%1/%2 fail</source>
      <translation>%1/%2 Verstoß</translation>
    </message>
    <message>
      <source>mixed</source>
      <translation>gemischt</translation>
    </message>
    <message>
      <source>no result: %1</source>
      <translation>kein Ergebnis: %1</translation>
    </message>
    <message>
      <source>Nodes disagree on this control.</source>
      <translation>Die Knoten unterscheiden sich bei dieser Kontrolle.</translation>
    </message>
    <message>
      <source>no result</source>
      <translation>kein Ergebnis</translation>
    </message>
    <message>
      <source>%1: no result for %2</source>
      <translation>%1: kein Ergebnis für %2</translation>
    </message>
    <message>
      <source>%1 was not audited: %2</source>
      <translation>%1 wurde nicht auditiert: %2</translation>
    </message>
    <message>
      <source>Control</source>
      <translation>Kontrolle</translation>
    </message>
    <message>
      <source>All nodes</source>
      <translation>Alle Knoten</translation>
    </message>
    <message>
      <source>The worst status over every node; highlighted where nodes disagree</source>
      <translation>Der schlechteste Status über alle Knoten; hervorgehoben, wo sich Knoten unterscheiden</translation>
    </message>
    <message>
      <source>%1 (%2)
roles: %3
Kubernetes %4</source>
      <translation>%1 (%2)
Rollen: %3
Kubernetes %4</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::MatrixPanel</name>
    <message>
      <source>Search control id or text (Ctrl+F)</source>
      <translation>Kontroll-ID oder Text suchen (Strg+F)</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>Alle Status</translation>
    </message>
    <message>
      <source>Not passing</source>
      <translation>Nicht bestanden</translation>
    </message>
    <message>
      <source>Nodes disagree</source>
      <translation>Knoten uneins</translation>
    </message>
    <message>
      <source>Only controls whose status differs between nodes</source>
      <translation>Nur Kontrollen, deren Status sich zwischen Knoten unterscheidet</translation>
    </message>
    <message>
      <source>Worst first</source>
      <translation>Schlechteste zuerst</translation>
    </message>
    <message>
      <source>All roles</source>
      <translation>Alle Rollen</translation>
    </message>
    <message>
      <source>All sections</source>
      <translation>Alle Abschnitte</translation>
    </message>
    <message>
      <source>All nodes</source>
      <translation>Alle Knoten</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::NodeControlsModel</name>
    <message>
      <source>no result</source>
      <translation>kein Ergebnis</translation>
    </message>
    <message>
      <source>Control</source>
      <translation>Kontrolle</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Begründung</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::NodeDialog</name>
    <message>
      <source>Add node</source>
      <translation>Knoten hinzufügen</translation>
    </message>
    <message>
      <source>Edit node %1</source>
      <translation>Knoten %1 bearbeiten</translation>
    </message>
    <message>
      <source>none (log in as root)</source>
      <translation>keins (Anmeldung als root)</translation>
    </message>
    <message>
      <source>nopasswd</source>
      <translation>ohne Passwort (nopasswd)</translation>
    </message>
    <message>
      <source>password (asked when needed)</source>
      <translation>Passwort (bei Bedarf abgefragt)</translation>
    </message>
    <message>
      <source>detected when empty, e.g. control-plane, etcd, worker</source>
      <translation>leer: automatisch erkannt, z. B. control-plane, etcd, worker</translation>
    </message>
    <message>
      <source>(direct)</source>
      <translation>(direkt)</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>&amp;Host:</source>
      <translation>&amp;Host:</translation>
    </message>
    <message>
      <source>&amp;Port:</source>
      <translation>&amp;Port:</translation>
    </message>
    <message>
      <source>&amp;User:</source>
      <translation>&amp;Benutzer:</translation>
    </message>
    <message>
      <source>&amp;Identity file:</source>
      <translation>&amp;Schlüsseldatei:</translation>
    </message>
    <message>
      <source>&amp;sudo:</source>
      <translation>s&amp;udo:</translation>
    </message>
    <message>
      <source>&amp;Roles:</source>
      <translation>&amp;Rollen:</translation>
    </message>
    <message>
      <source>&amp;Jump host:</source>
      <translation>&amp;Jump-Host:</translation>
    </message>
    <message>
      <source>A node needs a name and a host.</source>
      <translation>Ein Knoten braucht einen Namen und einen Host.</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::NodesModel</name>
    <message>
      <source>Queued</source>
      <translation>Wartend</translation>
    </message>
    <message>
      <source>Connecting</source>
      <translation>Verbinde</translation>
    </message>
    <message>
      <source>Collecting</source>
      <translation>Erfasse</translation>
    </message>
    <message>
      <source>Evaluating</source>
      <translation>Bewerte</translation>
    </message>
    <message>
      <source>Audited</source>
      <translation>Auditiert</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Fehlgeschlagen</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Abgebrochen</translation>
    </message>
    <message>
      <source>Not scanned</source>
      <translation>Nicht geprüft</translation>
    </message>
    <message>
      <source>%1 fail, %2 pass</source>
      <translation>%1 Verstöße, %2 bestanden</translation>
    </message>
    <message>
      <source>Node</source>
      <translation>Knoten</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>Rollen</translation>
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
      <translation>Prüfung</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Fehler</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::RemediationWizard</name>
    <message>
      <source>Fix %1</source>
      <translation>%1 beheben</translation>
    </message>
    <message>
      <source>Why this matters</source>
      <translation>Warum das wichtig ist</translation>
    </message>
    <message>
      <source>Rationale</source>
      <translation>Begründung</translation>
    </message>
    <message>
      <source>Impact</source>
      <translation>Auswirkung</translation>
    </message>
    <message>
      <source>None stated.</source>
      <translation>Keine angegeben.</translation>
    </message>
    <message>
      <source>&amp;Nodes to fix (failing this control):</source>
      <translation>Zu behebende &amp;Knoten (mit Verstoß gegen diese Prüfung):</translation>
    </message>
    <message>
      <source>Parameters</source>
      <translation>Parameter</translation>
    </message>
    <message>
      <source>Defaults are taken from each node; they are checked on the node before anything is written.</source>
      <translation>Die Vorgaben stammen vom jeweiligen Knoten; sie werden auf dem Knoten geprüft, bevor etwas geschrieben wird.</translation>
    </message>
    <message>
      <source>Node</source>
      <translation>Knoten</translation>
    </message>
    <message>
      <source>Parameter</source>
      <translation>Parameter</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Wert</translation>
    </message>
    <message>
      <source>Default</source>
      <translation>Vorgabe</translation>
    </message>
    <message>
      <source>The change per node</source>
      <translation>Die Änderung je Knoten</translation>
    </message>
    <message>
      <source>N&amp;ode:</source>
      <translation>&amp;Knoten:</translation>
    </message>
    <message>
      <source>Side by side</source>
      <translation>Nebeneinander</translation>
    </message>
    <message>
      <source>Unified</source>
      <translation>Einheitlich (unified)</translation>
    </message>
    <message>
      <source>&amp;Restart the kubelet afterwards (systemctl daemon-reload and restart kubelet)</source>
      <translation>Kubelet danach &amp;neu starten (systemctl daemon-reload und restart kubelet)</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>Bestätigen</translation>
    </message>
    <message>
      <source>I have reviewed the changes; &amp;write them to the nodes</source>
      <translation>Ich habe die Änderungen geprüft; auf die Knoten &amp;schreiben</translation>
    </message>
    <message>
      <source>&amp;Apply</source>
      <translation>&amp;Anwenden</translation>
    </message>
    <message>
      <source>Applying</source>
      <translation>Wird angewendet</translation>
    </message>
    <message>
      <source>Backup, write, follow-up and re-check, on every node in parallel. A node that fails does not stop the others.</source>
      <translation>Sicherung, Schreiben, Folgeschritt und erneute Prüfung, auf allen Knoten parallel. Ein fehlschlagender Knoten hält die anderen nicht auf.</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>Schritt</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>S&amp;top waiting</source>
      <translation>Warten a&amp;bbrechen</translation>
    </message>
    <message>
      <source>Stops the waits for the component; a file being written is finished first, and a change that did not come back is rolled back.</source>
      <translation>Beendet das Warten auf die Komponente; eine Datei, die gerade geschrieben wird, wird zuerst fertig geschrieben, und eine Änderung, nach der die Komponente nicht zurückkam, wird zurückgenommen.</translation>
    </message>
    <message>
      <source>&amp;Results</source>
      <translation>&amp;Ergebnisse</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Ergebnis</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Ausgang</translation>
    </message>
    <message>
      <source>Re-check</source>
      <translation>Erneute Prüfung</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Meldung</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>Wo</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>Jetzt</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>Erwartet</translation>
    </message>
    <message>
      <source>The fix edits %1.</source>
      <translation>Die Behebung ändert %1.</translation>
    </message>
    <message>
      <source>Reading the nodes…</source>
      <translation>Knoten werden gelesen…</translation>
    </message>
    <message>
      <source>already passes: nothing to fix</source>
      <translation>erfüllt bereits: nichts zu beheben</translation>
    </message>
    <message>
      <source>No chosen node can be fixed.</source>
      <translation>Keiner der gewählten Knoten kann behoben werden.</translation>
    </message>
    <message>
      <source>This fix takes no parameters.</source>
      <translation>Diese Behebung hat keine Parameter.</translation>
    </message>
    <message>
      <source>Reading the files from the nodes and checking the parameters…</source>
      <translation>Dateien werden von den Knoten gelesen und die Parameter geprüft…</translation>
    </message>
    <message>
      <source>%1: not fixed: %2</source>
      <translation>%1: nicht behoben: %2</translation>
    </message>
    <message>
      <source>Review the change on every node.</source>
      <translation>Prüfen Sie die Änderung auf jedem Knoten.</translation>
    </message>
    <message>
      <source>Follow-up: none; the change takes effect at once.</source>
      <translation>Folgeschritt: keiner; die Änderung wirkt sofort.</translation>
    </message>
    <message>
      <source>Follow-up: the kubelet restarts the %1 static pod by itself; Kinspect waits until it runs with the new flags, then re-checks. If it does not come back, the old file is put back.</source>
      <translation>Folgeschritt: Das Kubelet startet den statischen Pod %1 selbst neu; Kinspect wartet, bis er mit den neuen Flags läuft, und prüft dann erneut. Kommt er nicht zurück, wird die alte Datei wiederhergestellt.</translation>
    </message>
    <message>
      <source>Follow-up: %1. Only done when you tick the box below; otherwise the change waits for the next kubelet restart and is not re-checked.</source>
      <translation>Folgeschritt: %1. Nur wenn Sie das Kästchen unten ankreuzen; sonst wirkt die Änderung erst beim nächsten Neustart des Kubelets und wird nicht erneut geprüft.</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>Kinspect will back up and change these files:</source>
      <translation>Kinspect sichert und ändert diese Dateien:</translation>
    </message>
    <message>
      <source>The kubelet will be restarted on these nodes.</source>
      <translation>Das Kubelet wird auf diesen Knoten neu gestartet.</translation>
    </message>
    <message>
      <source>The kubelet will NOT be restarted; the change takes effect at its next restart.</source>
      <translation>Das Kubelet wird NICHT neu gestartet; die Änderung wirkt beim nächsten Neustart.</translation>
    </message>
    <message>
      <source>Backup and write</source>
      <translation>Sichern und schreiben</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>Folgeschritt</translation>
    </message>
    <message>
      <source>Rollback</source>
      <translation>Zurücknahme</translation>
    </message>
    <message>
      <source>Checking</source>
      <translation>Prüfung</translation>
    </message>
    <message>
      <source>Working</source>
      <translation>In Arbeit</translation>
    </message>
    <message>
      <source>Queued</source>
      <translation>Wartet</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Fertig</translation>
    </message>
    <message>
      <source>Fixed and verified</source>
      <translation>Behoben und bestätigt</translation>
    </message>
    <message>
      <source>Written, but the re-check still fails</source>
      <translation>Geschrieben, aber die erneute Prüfung schlägt weiter fehl</translation>
    </message>
    <message>
      <source>Written; waits for a kubelet restart</source>
      <translation>Geschrieben; wartet auf einen Neustart des Kubelets</translation>
    </message>
    <message>
      <source>Rolled back</source>
      <translation>Zurückgenommen</translation>
    </message>
    <message>
      <source>Rollback failed</source>
      <translation>Zurücknahme fehlgeschlagen</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>Abgelehnt</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Fehler</translation>
    </message>
    <message>
      <source>not re-checked</source>
      <translation>nicht erneut geprüft</translation>
    </message>
    <message>
      <source>Roll back</source>
      <translation>Zurücknehmen</translation>
    </message>
    <message>
      <source>Every change and rollback is recorded in %1.</source>
      <translation>Jede Änderung und Zurücknahme wird in %1 protokolliert.</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::ScanController</name>
    <message>
      <source>A scan is already running.</source>
      <translation>Es läuft bereits eine Prüfung.</translation>
    </message>
    <message>
      <source>The inventory has no nodes.</source>
      <translation>Das Inventar enthält keine Knoten.</translation>
    </message>
    <message>
      <source>The scan could not start.</source>
      <translation>Die Prüfung konnte nicht starten.</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::ScanDiffModel</name>
    <message>
      <source>New failure</source>
      <translation>Neuer Fehlschlag</translation>
    </message>
    <message>
      <source>Fixed</source>
      <translation>Behoben</translation>
    </message>
    <message>
      <source>Status changed</source>
      <translation>Status geändert</translation>
    </message>
    <message>
      <source>Evidence changed</source>
      <translation>Nachweis geändert</translation>
    </message>
    <message>
      <source>Node added</source>
      <translation>Knoten hinzugekommen</translation>
    </message>
    <message>
      <source>Node removed</source>
      <translation>Knoten entfernt</translation>
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
      <translation>Vorher:
%1
Nachher:
%2</translation>
    </message>
    <message>
      <source>%1 → %2</source>
      <translation>%1 → %2</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Änderung</translation>
    </message>
    <message>
      <source>Node</source>
      <translation>Knoten</translation>
    </message>
    <message>
      <source>Control</source>
      <translation>Kontrolle</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Vorher</translation>
    </message>
    <message>
      <source>After</source>
      <translation>Nachher</translation>
    </message>
    <message>
      <source>Evidence (before → after)</source>
      <translation>Nachweis (vorher → nachher)</translation>
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
      <translation>vollständig</translation>
    </message>
    <message>
      <source>interrupted</source>
      <translation>abgebrochen</translation>
    </message>
    <message>
      <source>Scan %1 of %2 by %3 (%4)
%5</source>
      <translation>Prüfung %1 von %2 durch %3 (%4)
%5</translation>
    </message>
    <message>
      <source>offline evaluation</source>
      <translation>Offline-Auswertung</translation>
    </message>
    <message>
      <source>Scan</source>
      <translation>Prüfung</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>Begonnen</translation>
    </message>
    <message>
      <source>Benchmark</source>
      <translation>Benchmark</translation>
    </message>
    <message>
      <source>Nodes</source>
      <translation>Knoten</translation>
    </message>
    <message>
      <source>Pass</source>
      <translation>Bestanden</translation>
    </message>
    <message>
      <source>Fail</source>
      <translation>Fehlgeschlagen</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Andere</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Zustand</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::SecretDialog</name>
    <message>
      <source>sudo password for %1</source>
      <translation>sudo-Passwort für %1</translation>
    </message>
    <message>
      <source>Key passphrase for %1</source>
      <translation>Schlüssel-Passphrase für %1</translation>
    </message>
    <message>
      <source>Password for %1</source>
      <translation>Passwort für %1</translation>
    </message>
    <message>
      <source>Node &lt;b&gt;%1&lt;/b&gt; asks:</source>
      <translation>Knoten &lt;b&gt;%1&lt;/b&gt; fragt:</translation>
    </message>
    <message>
      <source>Remember in the system &amp;keychain</source>
      <translation>Im System-&amp;Schlüsselbund merken</translation>
    </message>
    <message>
      <source>Kinspect never writes secrets to disk or to its logs.</source>
      <translation>Kinspect schreibt Geheimnisse nie auf die Festplatte oder in Protokolle.</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>Einstellungen</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>Systemsprache</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Sprache:</translation>
    </message>
    <message>
      <source>Nodes scanned at &amp;once:</source>
      <translation>&amp;Gleichzeitig geprüfte Knoten:</translation>
    </message>
    <message>
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <source>SSH &amp;timeout:</source>
      <translation>SSH-&amp;Zeitlimit:</translation>
    </message>
    <message>
      <source>System colours</source>
      <translation>Systemfarben</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Hell</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Dunkel</translation>
    </message>
    <message>
      <source>&amp;Colours:</source>
      <translation>&amp;Farben:</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::SideBySideDiffModel</name>
    <message>
      <source>removed</source>
      <translation>entfernt</translation>
    </message>
    <message>
      <source>added</source>
      <translation>hinzugefügt</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Zeile</translation>
    </message>
    <message>
      <source>Now on the node</source>
      <translation>Jetzt auf dem Knoten</translation>
    </message>
    <message>
      <source>After the fix</source>
      <translation>Nach der Behebung</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::StatusChartWidget</name>
    <message>
      <source>score</source>
      <translation>Wertung</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::SummaryWidget</name>
    <message>
      <source>No cluster</source>
      <translation>Kein Cluster</translation>
    </message>
    <message>
      <source>Open an inventory (Ctrl+O) and scan (F5).</source>
      <translation>Öffnen Sie ein Inventar (Strg+O) und prüfen Sie (F5).</translation>
    </message>
    <message>
      <source>%1 · %2 of %3 nodes audited</source>
      <translation>%1 · %2 von %3 Knoten auditiert</translation>
    </message>
    <message>
      <source>Score: –</source>
      <translation>Wertung: –</translation>
    </message>
    <message>
      <source>Score: %1%&lt;br&gt;&lt;small&gt;pass / (pass + fail)&lt;/small&gt;</source>
      <translation>Wertung: %1 %&lt;br&gt;&lt;small&gt;bestanden / (bestanden + Verstoß)&lt;/small&gt;</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::WaiverEditDialog</name>
    <message>
      <source>Waive a failure</source>
      <translation>Fehlschlag als Ausnahme akzeptieren</translation>
    </message>
    <message>
      <source>Control:</source>
      <translation>Kontrolle:</translation>
    </message>
    <message>
      <source>&amp;ID:</source>
      <translation>&amp;ID:</translation>
    </message>
    <message>
      <source>Only node %1</source>
      <translation>Nur Knoten %1</translation>
    </message>
    <message>
      <source>Every node with role %1</source>
      <translation>Jeder Knoten mit der Rolle %1</translation>
    </message>
    <message>
      <source>Every node</source>
      <translation>Jeder Knoten</translation>
    </message>
    <message>
      <source>&amp;Applies to:</source>
      <translation>&amp;Gilt für:</translation>
    </message>
    <message>
      <source>Why the risk is accepted (ticket, compensating control)</source>
      <translation>Warum das Risiko akzeptiert wird (Ticket, ausgleichende Maßnahme)</translation>
    </message>
    <message>
      <source>&amp;Justification:</source>
      <translation>&amp;Begründung:</translation>
    </message>
    <message>
      <source>&amp;Owner:</source>
      <translation>&amp;Verantwortlich:</translation>
    </message>
    <message>
      <source>The last day the waiver holds; after it the failure counts again.</source>
      <translation>Der letzte Tag, an dem die Ausnahme gilt; danach zählt der Fehlschlag wieder.</translation>
    </message>
    <message>
      <source>&amp;Expires after:</source>
      <translation>&amp;Gültig bis:</translation>
    </message>
    <message>
      <source>&amp;Waive</source>
      <translation>&amp;Akzeptieren</translation>
    </message>
    <message>
      <source>Give the waiver an ID.</source>
      <translation>Geben Sie der Ausnahme eine ID.</translation>
    </message>
    <message>
      <source>The ID %1 is already used by another waiver.</source>
      <translation>Die ID %1 gehört bereits zu einer anderen Ausnahme.</translation>
    </message>
    <message>
      <source>Say why the risk is accepted.</source>
      <translation>Geben Sie an, warum das Risiko akzeptiert wird.</translation>
    </message>
    <message>
      <source>Name the owner who accepts the risk.</source>
      <translation>Nennen Sie die Person, die das Risiko verantwortet.</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::WaiverModel</name>
    <message>
      <source>every node</source>
      <translation>jeder Knoten</translation>
    </message>
    <message>
      <source>%1 (expired)</source>
      <translation>%1 (abgelaufen)</translation>
    </message>
    <message>
      <source>This waiver expired: the failures it covered count as FAIL again.</source>
      <translation>Diese Ausnahme ist abgelaufen: die abgedeckten Fehlschläge zählen wieder als FAIL.</translation>
    </message>
    <message>
      <source>ID</source>
      <translation>ID</translation>
    </message>
    <message>
      <source>Control</source>
      <translation>Kontrolle</translation>
    </message>
    <message>
      <source>Nodes or roles</source>
      <translation>Knoten oder Rollen</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Verantwortlich</translation>
    </message>
    <message>
      <source>Expires</source>
      <translation>Gültig bis</translation>
    </message>
    <message>
      <source>Justification</source>
      <translation>Begründung</translation>
    </message>
  </context>
  <context>
    <name>kinspect::ui::WaiversDialog</name>
    <message>
      <source>Waivers</source>
      <translation>Ausnahmen</translation>
    </message>
    <message>
      <source>&amp;Add…</source>
      <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
      <source>&amp;Remove</source>
      <translation>&amp;Entfernen</translation>
    </message>
    <message>
      <source>&amp;Import YAML…</source>
      <translation>YAML &amp;importieren…</translation>
    </message>
    <message>
      <source>E&amp;xport YAML…</source>
      <translation>YAML e&amp;xportieren…</translation>
    </message>
    <message>
      <source>Cannot open the scan history: %1</source>
      <translation>Der Prüfverlauf kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
      <source>Cannot read the waivers: %1</source>
      <translation>Die Ausnahmen können nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
      <source>%n waiver(s) stored with the scan history.</source>
      <translation>
        <numerusform>%n Ausnahme im Prüfverlauf gespeichert.</numerusform>
        <numerusform>%n Ausnahmen im Prüfverlauf gespeichert.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n expired: the failures they covered count again.</source>
      <translation>
        <numerusform>%n abgelaufen: die abgedeckten Fehlschläge zählen wieder.</numerusform>
        <numerusform>%n abgelaufen: die abgedeckten Fehlschläge zählen wieder.</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot store the waiver %1: %2</source>
      <translation>Die Ausnahme %1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
      <source>Cannot remove the waiver %1: %2</source>
      <translation>Die Ausnahme %1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
      <source>Nothing imported. %1</source>
      <translation>Nichts importiert. %1</translation>
    </message>
    <message>
      <source>Cannot import %1: %2</source>
      <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message numerus="yes">
      <source>Imported %n waiver(s) from %1.</source>
      <translation>
        <numerusform>%n Ausnahme aus %1 importiert.</numerusform>
        <numerusform>%n Ausnahmen aus %1 importiert.</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot write %1: %2</source>
      <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
      <source>Open a result first: a waiver names one of its benchmark's controls.</source>
      <translation>Öffnen Sie zuerst ein Ergebnis: eine Ausnahme nennt eine Kontrolle seines Benchmarks.</translation>
    </message>
    <message>
      <source>Waive a failure</source>
      <translation>Fehlschlag als Ausnahme akzeptieren</translation>
    </message>
    <message>
      <source>Control:</source>
      <translation>Kontrolle:</translation>
    </message>
    <message>
      <source>Import waivers</source>
      <translation>Ausnahmen importieren</translation>
    </message>
    <message>
      <source>Waivers (*.yaml *.yml)</source>
      <translation>Ausnahmen (*.yaml *.yml)</translation>
    </message>
    <message>
      <source>Export waivers</source>
      <translation>Ausnahmen exportieren</translation>
    </message>
    <message>
      <source>Waivers written to %1</source>
      <translation>Ausnahmen nach %1 geschrieben</translation>
    </message>
  </context>
  <context>
    <name>main</name>
    <message>
      <source>Audits Kubernetes nodes against the CIS benchmark.</source>
      <translation>Prüft Kubernetes-Knoten gegen den CIS-Benchmark.</translation>
    </message>
    <message>
      <source>Open this inventory file.</source>
      <translation>Diese Inventardatei öffnen.</translation>
    </message>
    <message>
      <source>known_hosts file (default ~/.ssh/known_hosts).</source>
      <translation>known_hosts-Datei (Standard ~/.ssh/known_hosts).</translation>
    </message>
    <message>
      <source>OpenSSH client config to read ('none' for none).</source>
      <translation>Zu lesende OpenSSH-Client-Konfiguration ('none' für keine).</translation>
    </message>
    <message>
      <source>Answer password prompts from KIND[@NODE]=SECRET lines.</source>
      <translation>Passwortabfragen aus KIND[@NODE]=SECRET-Zeilen beantworten.</translation>
    </message>
    <message>
      <source>Open a saved JSON result.</source>
      <translation>Ein gespeichertes JSON-Ergebnis öffnen.</translation>
    </message>
    <message>
      <source>Start scanning at once.</source>
      <translation>Sofort mit der Prüfung beginnen.</translation>
    </message>
    <message>
      <source>Save a picture of the window to FILE once the scan (or the loaded result) is shown, then quit.</source>
      <translation>Ein Bild des Fensters in DATEI speichern, sobald die Prüfung (oder das geladene Ergebnis) angezeigt wird, dann beenden.</translation>
    </message>
    <message>
      <source>Colour palette: system, light or dark.</source>
      <translation>Farbpalette: system, light oder dark.</translation>
    </message>
    <message>
      <source>User interface language (en, de, fr).</source>
      <translation>Sprache der Oberfläche (en, de, fr).</translation>
    </message>
    <message>
      <source>Select the matrix cell of control ID on node NODE once the result is shown.</source>
      <translation>Die Matrixzelle der Kontrolle ID auf Knoten NODE wählen, sobald das Ergebnis angezeigt wird.</translation>
    </message>
  </context>
</TS>
