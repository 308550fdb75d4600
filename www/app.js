// Minimal demo: reads the seed 000 profile and shows its milestone, computed by impactkit.
import init, { readImpactProfile } from "/pkg/impactkit.js";

const seedResponse = {
  data: {
    customerImpactProfile: {
      totalCo2Saved: 248.5,
      totalOrders: 15,
      badges: [],
      milestones: [{ id: "milestone_500kg", name: "500 kg CO2 Saved", target: 500, current: 248.5, percentage: 49.7, isCompleted: false }],
      ranking: { position: 142, percentile: 15, description: "Top 15% of sustainable shoppers" },
    },
  },
};

const section = document.getElementById("milestone");
try {
  await init();
  const profile = readImpactProfile(seedResponse);
  const m = profile.milestones[0];
  section.innerHTML = "";
  const label = document.createElement("p");
  label.textContent = `${m.name}: ${m.current} of ${m.target} kg (${m.percentage} %)`;
  const bar = document.createElement("div");
  bar.className = "bar";
  bar.setAttribute("role", "progressbar");
  bar.setAttribute("aria-valuemin", "0");
  bar.setAttribute("aria-valuemax", "100");
  bar.setAttribute("aria-valuenow", String(m.percentage));
  bar.setAttribute("aria-label", m.name);
  const fill = document.createElement("div");
  fill.style.width = `${m.percentage}%`;
  bar.append(fill);
  section.append(label, bar);
} catch (error) {
  section.className = "error";
  section.textContent = `impactkit error ${error.code ?? ""} at ${error.path ?? "?"}: ${error.message}`;
}
