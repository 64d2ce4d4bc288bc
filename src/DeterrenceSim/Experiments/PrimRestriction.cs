namespace DeterrenceSim.Experiments;

/// <summary>One restricted input of a <see cref="Prim"/> box, with the quasi-p-value of each restricted limit: the
/// one-sided binomial probability of the box's cases of interest if that limit were dropped (Bryant &amp; Lempert, 2010;
/// EMA Workbench's <c>calculate_qp</c>). A small value means the limit matters.</summary>
/// <param name="Input">The input's name.</param>
/// <param name="Index">The input's column index.</param>
/// <param name="Lower">The box's lower limit of the input.</param>
/// <param name="Upper">The box's upper limit of the input.</param>
/// <param name="LowerQuasiP">The quasi-p-value of the lower limit, or <see langword="null"/> when the lower limit is the
/// data's minimum (unrestricted). Range: 0 to 1.</param>
/// <param name="UpperQuasiP">The quasi-p-value of the upper limit, or <see langword="null"/> when the upper limit is the
/// data's maximum (unrestricted). Range: 0 to 1.</param>
public sealed record PrimRestriction(string Input, int Index, double Lower, double Upper, double? LowerQuasiP, double? UpperQuasiP);
