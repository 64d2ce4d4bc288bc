#!/usr/bin/env bash
# The question the library exists for, as a worked example: does deeper engagement (the scenario's variant
# engagement-deepened: NATO's European members' ties to Japan at signal 0.6 instead of 0.4, reliability 0.1 instead
# of 0.05, more information sharing, faster deepening) deter China in the East China Sea, or provoke it - and under
# which conditions? Today's engagement and the deeper one play the same rounds (common random numbers) at each of
# 1,000 points of a Latin hypercube over what is uncertain: how far China and Japan believe signals of engagement,
# China's optimism noise, the costs of war to both, how far European forces reach East Asia (the theatre's default
# projection), and China's perception of the opposing coalition (reach, anticipation, cohesion). Then PRIM
# (scenario discovery) on "deeper engagement lowers the war risk" and on "it raises it" (each: the rows whose paired
# 95% interval lies wholly below, or above, zero), and heatmaps of the difference. Then the same for the two halves of
# the deeper engagement on their own: its louder signals (the six ties' signal 0.6, nothing else), and its substance
# (reliability 0.1 and information sharing 0.035, the signals left at 0.4).
#
#   samples/exploratory/engagement-contrast.sh [OUTPUT_FOLDER]      (default: samples/exploratory)
#
# Three contrasts of 100 million paired rounds: about 35 s on a 2-core Xeon VM (2026-12-07, after issue 16), plus each `dotnet run`'s
# build check unless DETERRENCE_SIM is set.
#
# DETERRENCE_SIM is the command that runs the CLI (default: dotnet run --project samples/DeterrenceSim.Cli -c Release --).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-samples/exploratory}
read -r -a cli <<<"${DETERRENCE_SIM:-dotnet run --project samples/DeterrenceSim.Cli -c Release --}"
mkdir -p "$out"

# NATO's six partnership ties to Japan, and the two halves of engagement-deepened's changes to them.
signals="" substance=""
for state in CAN GBR NLD FRA DEU ITA; do
  signals+=",commitments.$state>JPN.signal=0.6"
  substance+=",commitments.$state>JPN.reliability=0.1,commitments.$state>JPN.informationSharing=0.035"
done

contrast() { # NAME POLICY
  rm -rf "$out/$1.csv" "$out/$1.csv.sweep.json" "$out/$1.csv.partial"
  "${cli[@]}" contrast --scenario indo-pacific-2023 --crisis east-china-sea --policy "$2" \
    --design lhs --samples 1000 --seed 15 \
    --vary states.CHN.perception.credulity=0:1 --vary states.CHN.perception.noise=0.2:1.2 \
    --vary states.JPN.perception.credulity=0:1 \
    --vary crises.east-china-sea.challengerCost=0.02:0.3 --vary crises.east-china-sea.defenderCost=0.02:0.3 \
    --vary crises.east-china-sea.theatre.defaultProjection=0.02:0.3 \
    --vary states.CHN.perception.reach=0:1 --vary states.CHN.perception.anticipation=0:1 \
    --vary states.CHN.perception.cohesion=0:1 \
    --replications 1 --rounds 100000 --output "$out/$1.csv"
}

discover() { # NAME: PRIM on "lowers the war risk" and on "raises it" (the default box: the first of density >= 0.8)
  "${cli[@]}" discover "$out/$1.csv" --where 'war_difference_upper<0' --format json \
    --plot "$out/$1-lowers-prim.png" --force > "$out/$1-lowers.json"
  "${cli[@]}" discover "$out/$1.csv" --where 'war_difference_lower>0' --format json \
    --plot "$out/$1-raises-prim.png" --force > "$out/$1-raises.json"
}

contrast engagement-contrast engagement-deepened
discover engagement-contrast
contrast engagement-signals "${signals#,}"
discover engagement-signals
contrast engagement-substance "${substance#,}"
discover engagement-substance

# The deeper engagement's difference over the two costs of war, averaged over the other seven inputs.
"${cli[@]}" plot "$out/engagement-contrast.csv" --x crises.east-china-sea.challengerCost \
  --y crises.east-china-sea.defenderCost --z war_difference --output "$out/engagement-difference-costs.png" --force

# The louder signals' difference over the two sides' credulity, on a grid, where war is cheap enough to happen
# (both costs 0.05; China's noise at the scenario's 0.6): who believes the signals decides whether they deter.
rm -rf "$out/engagement-signals-grid.csv" "$out/engagement-signals-grid.csv.sweep.json" "$out/engagement-signals-grid.csv.partial"
"${cli[@]}" contrast --scenario indo-pacific-2023 --crisis east-china-sea --policy "${signals#,}" \
  --set crises.east-china-sea.challengerCost=0.05 --set crises.east-china-sea.defenderCost=0.05 \
  --vary states.CHN.perception.credulity=0:1:11 --vary states.JPN.perception.credulity=0:1:11 \
  --replications 1 --rounds 100000 --seed 15 --output "$out/engagement-signals-grid.csv"
"${cli[@]}" plot "$out/engagement-signals-grid.csv" --x states.CHN.perception.credulity \
  --y states.JPN.perception.credulity --z war_difference --output "$out/engagement-signals-credulity.png" --force
