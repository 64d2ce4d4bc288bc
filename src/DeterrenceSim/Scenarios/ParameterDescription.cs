namespace DeterrenceSim.Scenarios;

/// <summary>One parameter of a scenario, as <see cref="ParameterCatalog.Describe"/> lists it.</summary>
/// <param name="Path">The concrete parameter path, as <c>--set</c> and sweeps accept it
/// (<c>states.CHN.perception.credulity</c>).</param>
/// <param name="Value">Its value in the scenario, as JSON text (<c>0.3</c>, <c>"NashSplit"</c>, <c>null</c>).</param>
/// <param name="Type"><c>number</c>, <c>integer</c>, <c>boolean</c>, <c>choice</c> (one of named values) or
/// <c>reference</c> (a state, alliance or region name).</param>
/// <param name="Domain">The values it accepts, in words (<c>[0, 1]</c>, <c>(0, 1)</c>, <c>&gt;= 0</c>,
/// <c>NashSplit | TakeItOrLeaveIt</c>), with any condition that involves other fields.</param>
/// <param name="Default">Its value when a scenario file leaves it out, as JSON text (<c>0</c>, <c>"NashSplit"</c>,
/// <c>null</c>), or the path of the field it then takes its value from (a projection defaults to
/// <c>theatre.defaultProjection</c>); <see langword="null"/> when it is required.</param>
/// <param name="Acts">Whether it acts in single rounds or only in runs over periods.</param>
public sealed record ParameterDescription(string Path, string Value, string Type, string Domain, string? Default, ParameterActs Acts);
