namespace DeterrenceSim.Model;

/// <summary>
/// A possible strike in war on a state in a region. A struck supporter of the defender joins the war; a struck member
/// of an alliance whose scope holds the region triggers that alliance (DESIGN.md section 3).
/// </summary>
/// <param name="Target">Id of the struck state; must exist.</param>
/// <param name="Region">Region struck (e.g. <c>Pacific</c> for Guam, outside NATO's Article 6 scope).</param>
/// <param name="Probability">Probability of the strike in each war. Range: [0, 1].</param>
public sealed record EscalationStrike(string Target, string Region, double Probability);
