namespace DeterrenceSim.Model;

/// <summary>The legal form of a commitment (after the ATOP obligation types; Leeds et al. 2002).</summary>
public enum CommitmentKind
{
    /// <summary>A multilateral defence clause, such as Article 5 of the North Atlantic Treaty.</summary>
    CollectiveDefence,

    /// <summary>A bilateral defence treaty, such as the US-Japan treaty of 1960.</summary>
    BilateralDefence,

    /// <summary>A partnership without a defence obligation, such as NATO's Individually Tailored Partnership Programmes.</summary>
    Partnership,

    /// <summary>Political alignment: consultation or non-aggression only.</summary>
    Alignment,
}
