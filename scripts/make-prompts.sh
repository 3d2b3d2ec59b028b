#!/usr/bin/env bash
# Generates the IVR prompts of the telephony gateway as 8 kHz mono G.711 mu-law WAV files,
# the format the RTP sender streams as payload type 0 (PCMU) without transcoding.
# Dither is off (-D) so that the same text always gives the same bytes and a re-run leaves git clean.
# Needs espeak-ng (Dutch voice "nl") and sox. Usage: scripts/make-prompts.sh [output-folder]
set -euo pipefail

out="${1:-$(cd "$(dirname "$0")/.." && pwd)/prompts}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# name|text: the names match the defaults in src/Edge.Host/Telephony/Ivr/IvrPrompts.cs and the IvrMenu prompt fields.
prompts=(
  "welkom|Welkom bij de gemeente."
  "menu|Voor een algemene vraag, toets 1. Voor het maken van een afspraak, toets 2. Wilt u teruggebeld worden, toets 9."
  "gesloten|Wij zijn op dit moment gesloten."
  "ongeldig|Dat is geen geldige keuze."
  "tot-ziens|Bedankt voor uw oproep. Tot ziens."
  "terugbellen-bevestigd|Uw terugbelverzoek is genoteerd. Wij bellen u zo snel mogelijk terug."
  "terugbellen-aanbod|Wilt u teruggebeld worden, toets dan 9."
  "terugbellen-onmogelijk|Uw nummer is afgeschermd. Daarom kunnen wij u niet terugbellen."
  "doorverbinden|Een moment geduld, u wordt doorverbonden."
  "algemene-vraag|U heeft gekozen voor een algemene vraag."
  "afspraak|U heeft gekozen voor het maken van een afspraak."
)

for entry in "${prompts[@]}"; do
  name="${entry%%|*}"
  text="${entry#*|}"
  espeak-ng -v nl -s 150 -w "$work/$name.wav" "$text"
  # Resample to 8 kHz mono, then encode as mu-law (ITU-T G.711) in a WAV container.
  sox -D "$work/$name.wav" -r 8000 -c 1 -e u-law -b 8 "$out/$name.wav"
done

echo "wrote ${#prompts[@]} prompts to $out"
